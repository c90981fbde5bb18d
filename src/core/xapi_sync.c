/* xapi_sync: a station's records to an LRS as they are written (see
 * xapi_sync.h). */
#include "xapi_sync.h"

#include <dirent.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lrs.h"
#include "text.h"
#include "xapi.h"

typedef struct {
    char *path;
    struct timespec mtime;
    off_t size;
} Seen;

struct XapiSync {
    const Library *lib;
    char *learners, *state, *endpoint, *user, *password, *homepage, *base;
    unsigned char key[STATION_KEY_BYTES];
    Seen *seen; /* files pushed completely, as they were then */
    int n_seen, cap_seen;
    int sent;
};

void xapi_sync_free(XapiSync *s)
{
    if (!s)
        return;
    if (s->password)
        sodium_memzero(s->password, strlen(s->password));
    sodium_memzero(s->key, sizeof s->key);
    free(s->learners);
    free(s->state);
    free(s->endpoint);
    free(s->user);
    free(s->password);
    free(s->homepage);
    free(s->base);
    for (int i = 0; i < s->n_seen; i++)
        free(s->seen[i].path);
    free(s->seen);
    free(s);
}

XapiSync *xapi_sync_create(const Config *cfg, const Library *lib, const char *data_dir,
                           const unsigned char key[STATION_KEY_BYTES], Diag *d)
{
    if (!cfg || !cfg->xapi_endpoint[0])
        return NULL;
    const char *missing = !cfg->xapi_homepage[0]        ? "homepage"
                          : !cfg->xapi_user[0]          ? "user"
                          : !cfg->xapi_password_file[0] ? "password_file"
                                                        : NULL;
    if (missing) {
        diag_error(d, cfg->path, 0, "[xapi] names an endpoint but no %s: records are not sent", missing);
        return NULL;
    }
    if (lrs_global_init(d) != 0)
        return NULL;
    XapiSync *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->lib = lib;
    memcpy(s->key, key, sizeof s->key);
    s->learners = text_path_join(data_dir, "learners");
    s->state = lrs_state_path(data_dir, cfg->xapi_endpoint);
    s->endpoint = strdup(cfg->xapi_endpoint);
    s->user = strdup(cfg->xapi_user);
    s->homepage = strdup(cfg->xapi_homepage);
    const char *h = cfg->xapi_homepage;
    s->base = cfg->xapi_activity_base[0]
                  ? strdup(cfg->xapi_activity_base)
                  : text_format("%s%stpquiz", h, h[strlen(h) - 1] == '/' ? "" : "/");
    s->password = lrs_read_password(cfg->xapi_password_file, d);
    if (!s->learners || !s->state || !s->endpoint || !s->user || !s->homepage || !s->base || !s->password) {
        if (s->password)
            diag_error(d, cfg->path, 0, "out of memory");
        xapi_sync_free(s);
        return NULL;
    }
    size_t n = strlen(s->base);
    while (n > 0 && s->base[n - 1] == '/')
        s->base[--n] = 0;
    return s;
}

int xapi_sync_sent(const XapiSync *s)
{
    return s ? s->sent : 0;
}

static Seen *find_seen(XapiSync *s, const char *path)
{
    for (int i = 0; i < s->n_seen; i++)
        if (!strcmp(s->seen[i].path, path))
            return &s->seen[i];
    return NULL;
}

static bool unchanged(const Seen *e, const struct stat *st)
{
    return e && e->size == st->st_size && e->mtime.tv_sec == st->st_mtim.tv_sec &&
           e->mtime.tv_nsec == st->st_mtim.tv_nsec;
}

static void remember(XapiSync *s, const char *path, const struct stat *st)
{
    Seen *e = find_seen(s, path);
    if (!e) {
        if (s->n_seen == s->cap_seen) {
            int cap = s->cap_seen ? s->cap_seen * 2 : 32;
            Seen *v = realloc(s->seen, sizeof *v * (size_t)cap);
            if (!v)
                return; /* pushed again next time: harmless */
            s->seen = v;
            s->cap_seen = cap;
        }
        char *p = strdup(path);
        if (!p)
            return;
        e = &s->seen[s->n_seen++];
        e->path = p;
    }
    e->mtime = st->st_mtim;
    e->size = st->st_size;
}

XapiSyncResult xapi_sync_pass(XapiSync *s, const volatile int *cancel, Diag *d)
{
    DIR *dir = opendir(s->learners);
    if (!dir)
        return XAPI_SYNC_DONE; /* no learner yet */
    char **names = NULL;
    int n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(dir))) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len < 8 || strcmp(e->d_name + len - 7, ".scores"))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **v = realloc(names, sizeof *v * (size_t)cap);
            if (!v)
                break;
            names = v;
        }
        if (!(names[n] = strdup(e->d_name)))
            break;
        n++;
    }
    closedir(dir);
    XapiSyncResult result = XAPI_SYNC_DONE;
    XapiIds ids = {s->homepage, s->base, NULL, NULL};
    for (int i = 0; i < n && result == XAPI_SYNC_DONE; i++) {
        if (cancel && *cancel) {
            result = XAPI_SYNC_WAITING;
            break;
        }
        char *path = text_path_join(s->learners, names[i]);
        struct stat st;
        if (!path || stat(path, &st) != 0 || unchanged(find_seen(s, path), &st)) {
            free(path);
            continue;
        }
        /* The records a learner cannot make count (a file the station does
         * not trust, say) are the instructor's to see; quietly left out. */
        Diag *quiet = diag_create();
        ScoreFile *f = scorefile_load(path, s->key, quiet);
        json_t *st_arr = json_array();
        if (f && st_arr && xapi_file_statements(path, f, s->lib, &ids, st_arr, NULL, quiet) == 0) {
            LrsPush p = {.endpoint = s->endpoint,
                         .user = s->user,
                         .password = s->password,
                         .state_path = s->state,
                         .retries = 1,
                         .timeout_s = 20,
                         .quiet = true,
                         .cancel = cancel};
            LrsResult r;
            Diag *pd = diag_create();
            int rc = lrs_push(&p, st_arr, &r, pd);
            s->sent += r.sent + r.conflicts;
            if (rc == 0) {
                remember(s, path, &st);
            } else {
                /* Offline (or closing): the rest waits for the next pass. */
                bool refused = false;
                for (int k = 0; k < diag_count(pd); k++)
                    refused = refused || strstr(diag_item(pd, k)->message, "refused") != NULL;
                result = refused ? XAPI_SYNC_REFUSED : XAPI_SYNC_WAITING;
                diag_append(d, pd);
            }
            diag_free(pd);
        }
        json_decref(st_arr);
        scorefile_free(f);
        diag_free(quiet);
        free(path);
    }
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return result;
}
