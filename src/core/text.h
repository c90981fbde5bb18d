/* text: UTF-8 decoding and the character rules for text tpquiz shows.
 *
 * Everything a screen draws comes from files an author or a learner wrote;
 * it must be valid UTF-8 (else it is drawn as mojibake), and a learner's
 * name must not hide characters that change how it looks (zero-width and
 * bidirectional controls could make one learner's name pass for another's). */
#ifndef TPQUIZ_TEXT_H
#define TPQUIZ_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes one UTF-8 sequence at s (n bytes left). Returns its length and the
 * code point in *cp, or 0 if the bytes are not valid UTF-8 (overlong forms,
 * surrogates and values above U+10FFFF are invalid; so is n == 0). */
size_t text_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/* True if s[0, n) is valid UTF-8. Otherwise false, and *bad (if non-NULL)
 * gets the offset of the first byte that is not. */
bool text_utf8_valid(const char *s, size_t n, size_t *bad);

/* C0, DEL, C1 and the Unicode line and paragraph separators. */
bool text_is_control(uint32_t cp);

/* Characters that draw as nothing or reorder the text around them:
 * zero-width spaces and joiners, bidirectional marks, embeddings, overrides
 * and isolates, the byte order mark, soft hyphens, invisible operators,
 * fillers that draw blank, and tag characters. */
bool text_is_invisible(uint32_t cp);

#endif
