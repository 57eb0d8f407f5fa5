namespace GongGrid.Rpc.Server;

/// <summary>Limits and hooks shared by every service the server maps.</summary>
public sealed class GrpcServerOptions
{
    /// <summary>The largest message a client may send; larger ones end the call with RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>The largest message the server will send.</summary>
    public int MaxSendMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Runs before every method; throw an <see cref="RpcException"/> to refuse the call (authentication uses it).
    /// </summary>
    public Func<ServerCallContext, ValueTask>? CallFilter { get; set; }

    /// <summary>
    /// Turns an exception a method let escape into a status (a missing record into NOT_FOUND, say); null leaves
    /// it INTERNAL, logged, with no detail sent to the client.
    /// </summary>
    public Func<Exception, RpcException?>? ExceptionMapper { get; set; }
}
