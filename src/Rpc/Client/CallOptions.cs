namespace GongGrid.Rpc.Client;

/// <summary>Per-call settings.</summary>
/// <param name="Timeout">Sent as <c>grpc-timeout</c> and enforced locally; the call fails with DEADLINE_EXCEEDED.</param>
/// <param name="BearerToken">Sent as <c>authorization: Bearer …</c>.</param>
/// <param name="CancellationToken">Cancels the call (CANCELLED); the server sees the stream reset.</param>
/// <param name="Gzip">Compresses request messages with gzip.</param>
public sealed record CallOptions(
    TimeSpan? Timeout = null,
    string? BearerToken = null,
    CancellationToken CancellationToken = default,
    bool Gzip = false);
