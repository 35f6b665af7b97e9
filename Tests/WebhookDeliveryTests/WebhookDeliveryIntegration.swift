import Testing

/// The delivery thread against the real stack of `.ci/test`: the stack's own `claimscore serve`
/// delivers (with `webhook_retry_scale = 0.001`, loopback allow-listed, public destinations off),
/// a Python receiver verifies every signature with `standardwebhooks`, and some tests start more
/// serve processes. Serialized: the crash test kills a process that could otherwise hold another
/// test's deliveries, and the concurrency test counts requests in flight.
@Suite(.serialized, .enabled(if: DeliveryTestEnvironment.isReady, "needs .ci/test's stack, venv and secret key"))
struct WebhookDeliveryIntegration {}
