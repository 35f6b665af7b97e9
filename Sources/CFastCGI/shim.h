#ifndef CLAIMSCORE_CFASTCGI_SHIM_H
#define CLAIMSCORE_CFASTCGI_SHIM_H
#include <fcgiapp.h>
#include <sys/socket.h>
#include <signal.h>
#include <sys/prctl.h>

/// FCGI_FAIL_ACCEPT_ON_INTR is a macro Swift cannot import with its type.
static inline int cs_fcgi_fail_accept_on_intr(void) { return FCGI_FAIL_ACCEPT_ON_INTR; }

/// prctl is variadic, which Swift cannot call: asks the kernel to send `sig` when the parent dies.
static inline int cs_set_parent_death_signal(int sig) { return prctl(PR_SET_PDEATHSIG, (unsigned long)sig); }
#endif
