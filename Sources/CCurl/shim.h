#ifndef CLAIMSCORE_CCURL_SHIM_H
#define CLAIMSCORE_CCURL_SHIM_H
#include <curl/curl.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>

/* curl_easy_setopt, curl_easy_getinfo and curl_multi_setopt are variadic, which Swift cannot call.
   One typed wrapper per argument type keeps every call checked by the compiler. */

static inline CURLcode cs_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode cs_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode cs_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode cs_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode cs_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

/* Write and header callbacks share this shape. */
typedef size_t (*cs_data_callback)(char *data, size_t size, size_t count, void *context);
static inline CURLcode cs_easy_setopt_data_callback(CURL *handle, CURLoption option, cs_data_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

/* The connect-time hook: libcurl asks us for every socket it opens, after DNS resolution, with the
   address it is about to connect to. That is where the SSRF guard judges the real peer. */
typedef curl_socket_t (*cs_opensocket_callback)(void *context, curlsocktype purpose, struct curl_sockaddr *address);
static inline CURLcode cs_easy_setopt_opensocket(CURL *handle, cs_opensocket_callback callback, void *context) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_OPENSOCKETFUNCTION, callback);
    if (code != CURLE_OK) return code;
    return curl_easy_setopt(handle, CURLOPT_OPENSOCKETDATA, context);
}

static inline CURLcode cs_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode cs_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLMcode cs_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

/* The result of a finished transfer lives in a union Swift cannot name portably. */
static inline CURLcode cs_message_result(const CURLMsg *message) { return message->data.result; }
static inline int cs_message_is_done(const CURLMsg *message) { return message->msg == CURLMSG_DONE; }

/* Copies the IP address of a socket address into `out` (16 bytes of room): returns 4 for IPv4,
   16 for IPv6, 0 for any other family (which the guard then refuses). */
static inline int cs_sockaddr_ip(const struct curl_sockaddr *address, unsigned char *out) {
    if (address->family == AF_INET && address->addrlen >= sizeof(struct sockaddr_in)) {
        const struct sockaddr_in *v4 = (const struct sockaddr_in *)&address->addr;
        memcpy(out, &v4->sin_addr, 4);
        return 4;
    }
    if (address->family == AF_INET6 && address->addrlen >= sizeof(struct sockaddr_in6)) {
        const struct sockaddr_in6 *v6 = (const struct sockaddr_in6 *)&address->addr;
        memcpy(out, &v6->sin6_addr, 16);
        return 16;
    }
    return 0;
}
static inline curl_socket_t cs_open_socket(const struct curl_sockaddr *address) {
    return socket(address->family, address->socktype, address->protocol);
}
static inline curl_socket_t cs_socket_bad(void) { return CURL_SOCKET_BAD; }

/* CURL_GLOBAL_DEFAULT is a macro of macros that Swift does not import. */
static inline CURLcode cs_global_init(void) { return curl_global_init(CURL_GLOBAL_DEFAULT); }
#endif
