/* Fuzz target: the practice log (studylog_load), then the statistics over
 * what was read (no courses: every answer is history only). */
#include "fuzz_common.h"
#include "stats.h"
#include "studylog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write("fuzz.practice", data, size);
    Diag *d = diag_create();
    StudyLogEntry *log = NULL;
    int n = studylog_load(path, &log, d);
    for (int i = 0; i < n; i++)
        if (!log[i].key || !log[i].key[0] || !(log[i].credit >= 0 && log[i].credit <= 1) || log[i].time_ms < 0)
            abort();
    StatsInput in = {NULL, NULL, log, n > 0 ? n : 0, NULL, 1772438400, 3600};
    Stats *s = stats_compute(&in);
    if (s && s->answers != (n > 0 ? n : 0))
        abort();
    stats_free(s);
    free(log);
    unlink(path);
    fuzz_consume_diag(d);
    diag_free(d);
    return 0;
}
