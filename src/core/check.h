/* check: what `tpquiz check` validates.
 *
 * Each path may be a courses folder (holding <id>/course.ini and muscles/),
 * a course folder or course.ini, a muscle module .ini, a config .ini or a
 * chart .svg; any other folder has each .ini and .svg file in it checked.
 * The kind of an .ini is told by its first section header: [course],
 * [muscle] (or [tp.*], [zone.*], [question.*]), or one of the config
 * sections. A course file finds its modules in <courses>/muscles for
 * <courses>/<id>/course.ini, and in the muscles folder next to it for any
 * other name. */
#ifndef TPQUIZ_CHECK_H
#define TPQUIZ_CHECK_H

#include "config.h"
#include "diag.h"

/* Validates every path. With none, validates cfg->courses_dir and, if the
 * config came from a file, that the folders and font it names exist (its
 * syntax and values are config_load's to report, into the same Diag). A
 * config .ini named as a path gets config_load's checks. Every problem goes
 * into d. Returns the number of errors added. */
int check_paths(const char *const *paths, int n, const Config *cfg, Diag *d);

#endif
