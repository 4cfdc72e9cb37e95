/*
 * runs: times a command as a whole process, for bench/run.sh.
 *
 *   runs N COMMAND [ARG...]
 *
 * Runs the command N times (its output thrown away) and prints "CPU WALL":
 * the medians in milliseconds of its CPU time (user + system, from wait4,
 * to the microsecond) and of its wall time.  CPU time is what a run costs
 * whatever else a shared machine is doing.  Exits 1 when a run fails.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static double tv_ms(struct timeval t)
{
    return (double)t.tv_sec * 1e3 + (double)t.tv_usec / 1e3;
}

static int dbl_cmp(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, dbl_cmp);
    return v[n / 2];
}

/* One run: its CPU and wall milliseconds; -1 when it failed. */
static int run_once(char **argv, double *cpu, double *wall)
{
    double t0 = now_ms();
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) {
            dup2(null, STDOUT_FILENO);
            dup2(null, STDERR_FILENO);
        }
        execvp(argv[0], argv);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) != pid)
        return -1;
    *wall = now_ms() - t0;
    *cpu = tv_ms(ru.ru_utime) + tv_ms(ru.ru_stime);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
    int n = argc > 2 ? atoi(argv[1]) : 0;
    if (n < 1 || n > 1000) {
        fprintf(stderr, "usage: runs N COMMAND [ARG...]\n");
        return 2;
    }
    double *cpu = calloc((size_t)n, sizeof *cpu), *wall = calloc((size_t)n, sizeof *wall);
    if (!cpu || !wall)
        return 1;
    for (int i = 0; i < n; i++)
        if (run_once(argv + 2, &cpu[i], &wall[i]) < 0) {
            fprintf(stderr, "runs: %s failed\n", argv[2]);
            return 1;
        }
    printf("%.1f %.1f\n", median(cpu, n), median(wall, n));
    free(cpu);
    free(wall);
    return 0;
}
