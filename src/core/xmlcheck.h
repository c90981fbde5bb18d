/* xmlcheck: a chart is well-formed XML, checked by a real XML parser
 * (libexpat) rather than by svgview's tag scanner.
 *
 * nanosvg, which draws the charts, and svgview, which reads their metadata,
 * both scan tags by hand and take whatever they find; a file that is not
 * XML (an unclosed <g>, a stray '<', text after the root) would be drawn as
 * something other than what its author saw in an editor. A DOCTYPE is
 * refused outright: charts need none, and entity declarations are how an
 * "entity bomb" makes a parser expand a few bytes into gigabytes. */
#ifndef TPQUIZ_XMLCHECK_H
#define TPQUIZ_XMLCHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* True if buf[0, len) is one well-formed XML document without a DOCTYPE
 * whose root element is <svg>. Otherwise false and one error in d:
 * "path:line: error: not well-formed XML: <what expat says>", "... has a
 * DOCTYPE ..." or "the root element is <x>, not <svg>". */
bool xmlcheck_chart(const char *path, const char *buf, size_t len, Diag *d);

#endif
