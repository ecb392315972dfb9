$version: "2"

namespace example.buildqueue

/// The queue or build does not exist, or was deleted.
@error("client")
@httpError(404)
structure ResourceNotFound {
    @required
    message: String

    /// "Queue" or "Build".
    resourceType: String

    /// The id that was not found.
    resourceId: String
}

/// The queue still has builds that have not finished; cancel them or wait.
@error("client")
@httpError(409)
structure QueueNotEmpty {
    @required
    message: String

    @required
    queueId: QueueId

    /// How many builds are still QUEUED or RUNNING.
    activeBuilds: Integer
}

/// The build is not in a state that allows the request, e.g. cancelling a
/// finished build.
@error("client")
@httpError(409)
structure InvalidBuildState {
    @required
    message: String

    status: BuildStatus
}

/// A member of the request breaks a constraint of the model.
@error("client")
@httpError(400)
structure ValidationError {
    @required
    message: String

    /// The member at fault, as a path such as "queueName".
    field: String
}

/// The caller sent too many requests; the client retries it with backoff.
@error("client")
@httpError(429)
@retryable(throttling: true)
structure TooManyRequests {
    message: String
}
