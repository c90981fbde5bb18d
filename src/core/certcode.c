/* certcode: the verification code printed on a certificate (record.h,
 * record_certificate_code): an HMAC under the station key over what the
 * certificate states. */
#include "record.h"
#include "scorefile_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "text.h"
#include "mac.h"

void record_certificate_code(const Record *r, const unsigned char key[STATION_KEY_BYTES], char out[13])
{
    static const char ALPHABET[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ23456789";
    TextBuf b = {0};
    char score[48];
    text_format_fixed(score, sizeof score, r->score, SCORE_DECIMALS);
    text_buf_str(&b, "tpquiz-certificate 1\n");
    scoretext_add_field(&b, "learner", r->learner ? r->learner : "");
    scoretext_add_field(&b, "course", r->course ? r->course : "");
    scoretext_add_int(&b, "finished", r->finished);
    scoretext_add_field(&b, "score", score);
    unsigned char mac[MAC_BYTES];
    if (b.failed || !mac_of(mac, key, STATION_KEY_BYTES, b.s, b.n))
        memset(mac, 0, sizeof mac);
    free(b.s);
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = v << 8 | mac[i];
    for (int i = 0; i < 12; i++) {
        out[i] = ALPHABET[v % 34];
        v /= 34;
    }
    out[12] = '\0';
}
