#ifndef CLAIMSCORE_CCURL_SHIM_H
#define CLAIMSCORE_CCURL_SHIM_H
#include <curl/curl.h>
#endif
