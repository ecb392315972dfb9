$version: "2"

namespace example.buildqueue

use smithy.waiters#waitable

/// One run of a build target at a commit, on a queue.
resource Build {
    identifiers: { queueId: QueueId, buildId: BuildId }
    properties: {
        status: BuildStatus
        commit: CommitId
        target: String
        logUrl: String
        createdAt: Timestamp
        updatedAt: Timestamp
    }
    create: StartBuild
    read: GetBuild
    delete: DeleteBuild
    list: ListBuilds
    operations: [CancelBuild]
}

/// Where a build is in its life: QUEUED → RUNNING → SUCCEEDED or FAILED;
/// CANCELLED from QUEUED or RUNNING.
enum BuildStatus {
    QUEUED
    RUNNING
    SUCCEEDED
    FAILED
    CANCELLED
}

@length(min: 7, max: 40)
@pattern("^[0-9a-f]+$")
string CommitId

/// Queues a build of target at commit.
@http(method: "POST", uri: "/queues/{queueId}/builds", code: 201)
@idempotent
operation StartBuild {
    input := for Build {
        @required
        @httpLabel
        $queueId

        @required
        $commit

        @required
        $target

        @idempotencyToken
        clientToken: ClientToken
    }

    output := for Build with [Timestamps] {
        @required
        $queueId

        @required
        $buildId

        @required
        $status
    }

    errors: [ResourceNotFound]
}

/// Returns a build and its status.
@readonly
@http(method: "GET", uri: "/queues/{queueId}/builds/{buildId}")
@waitable(
    BuildSucceeded: {
        documentation: "Waits until the build has succeeded; a failed or cancelled build ends the wait with an error."
        acceptors: [
            {
                state: "success"
                matcher: {
                    output: { path: "status", expected: "SUCCEEDED", comparator: "stringEquals" }
                }
            }
            {
                state: "failure"
                matcher: {
                    output: { path: "status", expected: "FAILED", comparator: "stringEquals" }
                }
            }
            {
                state: "failure"
                matcher: {
                    output: { path: "status", expected: "CANCELLED", comparator: "stringEquals" }
                }
            }
        ]
        minDelay: 2
        maxDelay: 60
    }
)
operation GetBuild {
    input := for Build {
        @required
        @httpLabel
        $queueId

        @required
        @httpLabel
        $buildId
    }

    output := for Build with [Timestamps] {
        @required
        $queueId

        @required
        $buildId

        @required
        $status

        @required
        $commit

        @required
        $target

        /// Set once the build has started.
        $logUrl
    }

    errors: [ResourceNotFound]
}

/// Cancels a QUEUED or RUNNING build.
@idempotent
@http(method: "POST", uri: "/queues/{queueId}/builds/{buildId}/cancel")
operation CancelBuild {
    input := for Build {
        @required
        @httpLabel
        $queueId

        @required
        @httpLabel
        $buildId
    }

    output := for Build {
        @required
        $status
    }

    errors: [ResourceNotFound, InvalidBuildState]
}

/// Deletes a finished build and its logs.
@idempotent
@http(method: "DELETE", uri: "/queues/{queueId}/builds/{buildId}", code: 204)
operation DeleteBuild {
    input := for Build {
        @required
        @httpLabel
        $queueId

        @required
        @httpLabel
        $buildId
    }

    output := {}

    errors: [ResourceNotFound, InvalidBuildState]
}

/// Lists a queue's builds, newest first, optionally only those in one status.
@readonly
@paginated(inputToken: "nextToken", outputToken: "nextToken", pageSize: "maxResults", items: "builds")
@http(method: "GET", uri: "/queues/{queueId}/builds")
operation ListBuilds {
    input := for Build with [PaginatedInput] {
        @required
        @httpLabel
        $queueId

        @httpQuery("status")
        $status
    }

    output := with [PaginatedOutput] {
        @required
        builds: BuildSummaries
    }

    errors: [ResourceNotFound]
}

list BuildSummaries {
    member: BuildSummary
}

structure BuildSummary for Build {
    @required
    $buildId

    @required
    $status

    @required
    $commit

    @required
    $target
}
