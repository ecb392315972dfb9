$version: "2"

namespace example.buildqueue

/// A named queue of builds.
resource Queue {
    identifiers: { queueId: QueueId }
    properties: {
        name: QueueName
        description: Description
        maxConcurrentBuilds: Integer
        createdAt: Timestamp
        updatedAt: Timestamp
    }
    create: CreateQueue
    read: GetQueue
    update: UpdateQueue
    delete: DeleteQueue
    list: ListQueues
    resources: [Build]
}

/// Creates a queue. Retrying with the same clientToken returns the same queue.
@http(method: "POST", uri: "/queues", code: 201)
@idempotent
operation CreateQueue {
    input := for Queue {
        @required
        $name

        $description

        @range(min: 1, max: 50)
        $maxConcurrentBuilds

        @idempotencyToken
        clientToken: ClientToken
    }

    output := for Queue with [Timestamps] {
        @required
        $queueId

        @required
        $name

        $description

        $maxConcurrentBuilds
    }
}

/// Returns a queue.
@readonly
@http(method: "GET", uri: "/queues/{queueId}")
operation GetQueue {
    input := for Queue {
        @required
        @httpLabel
        $queueId
    }

    output := for Queue with [Timestamps] {
        @required
        $queueId

        @required
        $name

        $description

        $maxConcurrentBuilds
    }

    errors: [ResourceNotFound]
}

/// Changes a queue's description or concurrency; omitted members keep their value.
@idempotent
@http(method: "PUT", uri: "/queues/{queueId}")
operation UpdateQueue {
    input := for Queue {
        @required
        @httpLabel
        $queueId

        $description

        @range(min: 1, max: 50)
        $maxConcurrentBuilds
    }

    output := for Queue with [Timestamps] {
        @required
        $queueId

        @required
        $name

        $description

        $maxConcurrentBuilds
    }

    errors: [ResourceNotFound]
}

/// Deletes a queue that has no QUEUED or RUNNING builds.
@idempotent
@http(method: "DELETE", uri: "/queues/{queueId}", code: 204)
operation DeleteQueue {
    input := for Queue {
        @required
        @httpLabel
        $queueId
    }

    output := {}

    errors: [ResourceNotFound, QueueNotEmpty]
}

/// Lists the caller's queues, oldest first.
@readonly
@paginated(inputToken: "nextToken", outputToken: "nextToken", pageSize: "maxResults", items: "queues")
@http(method: "GET", uri: "/queues")
operation ListQueues {
    input := with [PaginatedInput] {}

    output := with [PaginatedOutput] {
        @required
        queues: QueueSummaries
    }
}

list QueueSummaries {
    member: QueueSummary
}

structure QueueSummary for Queue {
    @required
    $queueId

    @required
    $name
}
