#include "paths.h"

#include <SDL.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static char root[4352];

static int has_courses(const char *dir)
{
    char p[4400];
    struct stat st;
    if ((size_t)snprintf(p, sizeof p, "%s/courses", dir) >= sizeof p)
        return 0;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *paths_data_root(void)
{
    if (root[0])
        return root;
    /* An installed binary: <prefix>/bin/tpquiz with data in <prefix>/share/tpquiz. */
    char *base = SDL_GetBasePath();
    if (base) {
        char cand[4200];
        snprintf(cand, sizeof cand, "%s../share/tpquiz", base);
        SDL_free(base);
        if (has_courses(cand)) {
            snprintf(root, sizeof root, "%s", cand);
            return root;
        }
    }
    /* A binary run from its build tree uses the sources it was built from. */
    if (has_courses(TPQUIZ_SOURCE_ROOT) || !has_courses(TPQUIZ_INSTALL_DATA))
        snprintf(root, sizeof root, "%s", TPQUIZ_SOURCE_ROOT);
    else
        snprintf(root, sizeof root, "%s", TPQUIZ_INSTALL_DATA);
    return root;
}

const char *paths_default_config(void)
{
    struct stat st;
    return stat("config.ini", &st) == 0 ? "config.ini" : NULL;
}
