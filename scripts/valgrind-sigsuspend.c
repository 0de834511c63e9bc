/* Valgrind 3.19 writes into the mask passed to rt_sigsuspend; libdispatch passes a constant in
   read-only memory (dispatch_main on the main thread), so valgrind crashes. Copy it first. */
#define _GNU_SOURCE
#include <signal.h>
#include <unistd.h>
#include <sys/syscall.h>
int sigsuspend(const sigset_t *mask) {
  sigset_t copy = *mask;
  return (int)syscall(SYS_rt_sigsuspend, &copy, 8);
}
