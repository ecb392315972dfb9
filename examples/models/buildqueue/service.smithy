$version: "2"

namespace example.buildqueue

use aws.api#service
use aws.auth#sigv4

/// BuildQueue runs build jobs on named queues. A team creates a queue per
/// pipeline, starts builds on it, and polls them until they finish.
@service(sdkId: "BuildQueue")
@sigv4(name: "buildqueue")
// The protocol is this one line. The operations already carry their @http
// bindings, so restJson1 needs no other change once the generator speaks it.
@aws.protocols#awsJson1_1
@title("Build Queue Service")
service BuildQueue {
    version: "2025-06-01"
    resources: [Queue]
    errors: [ValidationError, TooManyRequests]
}
