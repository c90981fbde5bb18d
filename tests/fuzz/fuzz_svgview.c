/* Fuzz target: the SVG chart-metadata scanner (svgview_inspect_buffer):
 * viewBox, scale, <text>/<use> and the body outline path; and the XML
 * well-formedness check that comes before it for a file (xmlcheck_chart,
 * libexpat; a DOCTYPE stops it, so no entity is ever expanded). */
#include "fuzz_common.h"
#include "svgview.h"
#include "xmlcheck.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Diag *d = diag_create();
    SvgInfo info;
    memset(&info, 0, sizeof info);
    (void)xmlcheck_chart("fuzz.svg", (const char *)data, size, d);
    int rc = svgview_inspect_buffer("fuzz.svg", (const char *)data, size, &info, d);
    if (rc == 0 && info.n_outline > 0) {
        /* The on-body test the module checks run for every point. */
        Vec2 first = info.outline[0].n > 0 ? info.outline[0].pts[0] : (Vec2){0, 0};
        Vec2 probe[] = {{info.viewbox.x, info.viewbox.y},
                        {info.viewbox.x + info.viewbox.w / 2, info.viewbox.y + info.viewbox.h / 2},
                        first};
        for (size_t i = 0; i < sizeof probe / sizeof probe[0]; i++)
            (void)svgview_on_outline(&info, probe[i], 3.0);
    }
    svgview_info_free(&info);
    fuzz_consume_diag(d);
    diag_free(d);
    return 0;
}
