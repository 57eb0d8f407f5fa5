using Grpc.Core;
using Grpc.Core.Interceptors;

namespace GongGrid.Silo.Api;

/// <summary>
/// An interceptor that wraps every shape of call (unary, either streaming direction, both) in one method, so what it
/// does is written once, and a method added later in a new shape cannot slip past it.
/// </summary>
public abstract class CallInterceptor : Interceptor
{
    public sealed override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        TResponse? response = default;
        await AroundAsync(context, async () => response = await continuation(request, context));
        return response!;
    }

    public sealed override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        TResponse? response = default;
        await AroundAsync(context, async () => response = await continuation(requestStream, context));
        return response!;
    }

    public sealed override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        AroundAsync(context, () => continuation(request, responseStream, context));

    public sealed override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        AroundAsync(context, () => continuation(requestStream, responseStream, context));

    /// <summary>Runs the service method (<paramref name="call"/>) for one call, or refuses it by throwing.</summary>
    protected abstract Task AroundAsync(ServerCallContext context, Func<Task> call);
}
