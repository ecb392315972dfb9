$version: "2"

namespace example.buildqueue

/// Input members of every List operation.
@mixin
structure PaginatedInput {
    /// The token a previous page returned; omit it for the first page.
    @httpQuery("nextToken")
    nextToken: String

    /// The most items to return in one page.
    @httpQuery("maxResults")
    @range(min: 1, max: 100)
    maxResults: Integer
}

/// Output members of every List operation.
@mixin
structure PaginatedOutput {
    /// Present when there are more pages: pass it back as nextToken.
    nextToken: String
}

/// When a resource was created and last changed.
@mixin
structure Timestamps {
    @required
    createdAt: Timestamp

    updatedAt: Timestamp
}

@pattern("^q-[0-9a-f]{8}$")
string QueueId

@pattern("^b-[0-9a-f]{8}$")
string BuildId

@length(min: 1, max: 64)
@pattern("^[A-Za-z0-9._-]+$")
string QueueName

@length(max: 1024)
string Description

/// A unique, case-sensitive string the client chooses so that retrying a
/// create never creates a second resource.
@length(min: 1, max: 64)
string ClientToken
