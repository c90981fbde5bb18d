/* runstat: runs one program and measures it, for the GUI benchmarks
 * (bench/gui.sh, docs/PERFORMANCE.md).
 *
 *   runstat [options] -- PROGRAM [ARG...]
 *     --log FILE      the probe's frame log (bench/probe.c): the program runs
 *                     with LD_PRELOAD=--probe and TPQUIZ_PROBE_LOG=FILE
 *     --probe LIB     the probe library (needed with --log)
 *     --exit-after N  the probe ends the program after its Nth present
 *     --idle SECONDS  idle mode: wait for the first frame, then --settle
 *                     seconds, then measure the program's CPU time over
 *                     SECONDS with no input, then end it with SIGTERM
 *     --settle S      seconds between the first frame and the idle window
 *                     (default 2)
 *     --out FILE      the program's standard output (default /dev/null);
 *                     standard error goes to FILE.err
 *
 * Prints one line of key=value fields:
 *   status        the exit status (or 128 + signal)
 *   wall_ms       from just before fork to the program's exit
 *   first_ms      from just before fork to the end of the first present
 *                 (with --log)
 *   frames        presents in the log
 *   maxrss_kb     peak resident memory (getrusage of the child)
 *   user_ms sys_ms  CPU time of the whole run
 * and in idle mode:
 *   idle_s           the window's length, measured
 *   idle_cpu_ms      utime + stime from /proc/PID/stat (clock ticks)
 *   idle_cpu_pct     idle_cpu_ms against the window
 *   idle_sched_ms    run time from /proc/PID/schedstat (nanoseconds)
 *   idle_wakeups     voluntary + involuntary context switches
 *   idle_frames      presents during the window */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

/* Frames in the probe log, and the end time of the first (0 if none). */
static long log_frames(const char *path, long long *first_end)
{
    *first_end = 0;
    FILE *f = path ? fopen(path, "r") : NULL;
    if (!f)
        return 0;
    char line[256];
    long n = 0;
    while (fgets(line, sizeof line, f)) {
        long idx;
        long long start, end;
        if (sscanf(line, "frame %ld %lld %lld", &idx, &start, &end) == 3) {
            if (n == 0)
                *first_end = end;
            n++;
        }
    }
    fclose(f);
    return n;
}

typedef struct {
    long long cpu_ticks, sched_ns, switches;
} Usage;

static int read_usage(pid_t pid, Usage *u)
{
    char path[64], buf[2048];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    /* Fields after the command name (which may hold spaces): state is
     * field 3, utime 14, stime 15. */
    char *p = strrchr(buf, ')');
    if (!p)
        return -1;
    unsigned long long utime = 0, stime = 0;
    if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime, &stime) != 2)
        return -1;
    u->cpu_ticks = (long long)(utime + stime);
    snprintf(path, sizeof path, "/proc/%d/schedstat", (int)pid);
    f = fopen(path, "r");
    u->sched_ns = 0;
    if (f) {
        if (fscanf(f, "%lld", &u->sched_ns) != 1)
            u->sched_ns = 0;
        fclose(f);
    }
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    f = fopen(path, "r");
    u->switches = 0;
    if (f) {
        char line[256];
        long long v;
        while (fgets(line, sizeof line, f))
            if (sscanf(line, "voluntary_ctxt_switches: %lld", &v) == 1 ||
                sscanf(line, "nonvoluntary_ctxt_switches: %lld", &v) == 1)
                u->switches += v;
        fclose(f);
    }
    return 0;
}

static void usage(void)
{
    fprintf(stderr, "usage: runstat [--log FILE --probe LIB] [--exit-after N] [--idle S [--settle S]] "
                    "[--out FILE] -- PROGRAM [ARG...]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    const char *log = NULL, *probe = NULL, *out = "/dev/null";
    long exit_after = 0;
    double idle = 0, settle = 2;
    int i = 1;
    for (; i < argc; i++) {
        if (!strcmp(argv[i], "--")) {
            i++;
            break;
        } else if (i + 1 >= argc) {
            usage();
        } else if (!strcmp(argv[i], "--log")) {
            log = argv[++i];
        } else if (!strcmp(argv[i], "--probe")) {
            probe = argv[++i];
        } else if (!strcmp(argv[i], "--exit-after")) {
            exit_after = atol(argv[++i]);
        } else if (!strcmp(argv[i], "--idle")) {
            idle = atof(argv[++i]);
        } else if (!strcmp(argv[i], "--settle")) {
            settle = atof(argv[++i]);
        } else if (!strcmp(argv[i], "--out")) {
            out = argv[++i];
        } else {
            usage();
        }
    }
    if (i >= argc || (log && !probe) || (idle > 0 && !log))
        usage();
    if (log)
        unlink(log);
    char err[4200];
    snprintf(err, sizeof err, "%s%s", out, strcmp(out, "/dev/null") ? ".err" : "");

    long long t0 = now_ns();
    pid_t pid = fork();
    if (pid < 0) {
        perror("runstat: fork");
        return 2;
    }
    if (pid == 0) {
        int fo = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644), fe = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fo < 0 || fe < 0 || dup2(fo, 1) < 0 || dup2(fe, 2) < 0)
            _exit(126);
        if (log) {
            char n[32];
            setenv("LD_PRELOAD", probe, 1);
            setenv("TPQUIZ_PROBE_LOG", log, 1);
            if (exit_after > 0) {
                snprintf(n, sizeof n, "%ld", exit_after);
                setenv("TPQUIZ_PROBE_EXIT_AFTER", n, 1);
            }
        }
        execvp(argv[i], argv + i);
        _exit(127);
    }

    Usage u0 = {0}, u1 = {0};
    long long w0 = 0, w1 = 0, first = 0;
    long frames0 = 0, frames1 = 0;
    int idle_ok = 0;
    if (idle > 0) {
        /* The first frame, within 60 s. */
        for (int k = 0; k < 6000 && !first; k++) {
            if (waitpid(pid, NULL, WNOHANG) == pid) {
                fprintf(stderr, "runstat: the program ended before its first frame\n");
                return 1;
            }
            log_frames(log, &first);
            if (!first)
                sleep_ms(10);
        }
        if (first) {
            sleep_ms((long)(settle * 1000));
            frames0 = log_frames(log, &first);
            w0 = now_ns();
            idle_ok = read_usage(pid, &u0) == 0;
            sleep_ms((long)(idle * 1000));
            idle_ok = idle_ok && read_usage(pid, &u1) == 0;
            w1 = now_ns();
            frames1 = log_frames(log, &first);
        }
        kill(pid, SIGTERM);
        /* SDL turns SIGTERM into a quit event; SIGKILL if that is not enough. */
        bool ended = false;
        for (int k = 0; k < 500 && !ended; k++) {
            siginfo_t si;
            memset(&si, 0, sizeof si);
            ended = waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG | WNOWAIT) == 0 && si.si_pid == pid;
            if (!ended)
                sleep_ms(10);
        }
        if (!ended)
            kill(pid, SIGKILL);
    }
    int st = 0;
    struct rusage ru;
    if (wait4(pid, &st, 0, &ru) != pid) {
        perror("runstat: wait4");
        return 2;
    }
    long long t1 = now_ns();
    long frames = log ? log_frames(log, &first) : 0;
    int status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    printf("status=%d wall_ms=%.3f", status, (double)(t1 - t0) / 1e6);
    if (log)
        printf(" first_ms=%.3f frames=%ld", first ? (double)(first - t0) / 1e6 : -1.0, frames);
    printf(" maxrss_kb=%ld user_ms=%.1f sys_ms=%.1f", ru.ru_maxrss,
           (double)ru.ru_utime.tv_sec * 1e3 + (double)ru.ru_utime.tv_usec / 1e3,
           (double)ru.ru_stime.tv_sec * 1e3 + (double)ru.ru_stime.tv_usec / 1e3);
    if (idle > 0) {
        if (!idle_ok) {
            printf(" idle=failed\n");
            return 1;
        }
        double secs = (double)(w1 - w0) / 1e9;
        double cpu_ms = (double)(u1.cpu_ticks - u0.cpu_ticks) * 1000.0 / (double)sysconf(_SC_CLK_TCK);
        printf(" idle_s=%.3f idle_cpu_ms=%.0f idle_cpu_pct=%.3f idle_sched_ms=%.3f idle_wakeups=%lld idle_frames=%ld",
               secs, cpu_ms, cpu_ms / (secs * 10.0), (double)(u1.sched_ns - u0.sched_ns) / 1e6,
               u1.switches - u0.switches, frames1 - frames0);
    }
    printf("\n");
    return 0;
}
