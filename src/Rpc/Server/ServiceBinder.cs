using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace GongGrid.Rpc.Server;

/// <summary>Collects a service's methods as HTTP/2 endpoints; one registration per kind of method.</summary>
public sealed class ServiceBinder
{
    private readonly GrpcServerOptions _options;
    private readonly List<(string Path, RequestDelegate Handler)> _endpoints = [];

    internal ServiceBinder(GrpcServerOptions options) => _options = options;

    internal IReadOnlyList<(string Path, RequestDelegate Handler)> Endpoints => _endpoints;

    public void Unary<TRequest, TResponse>(
        Method<TRequest, TResponse> method, Func<TRequest, ServerCallContext, Task<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        Add(method, async call =>
        {
            var request = await call.ReadSingleRequestAsync(method.RequestParser).ConfigureAwait(false);
            var response = await handler(request, call.Context).ConfigureAwait(false);
            await call.WriteSingleResponseAsync(response).ConfigureAwait(false);
        });

    public void ServerStreaming<TRequest, TResponse>(
        Method<TRequest, TResponse> method,
        Func<TRequest, IAsyncStreamWriter<TResponse>, ServerCallContext, Task> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        Add(method, async call =>
        {
            var request = await call.ReadSingleRequestAsync(method.RequestParser).ConfigureAwait(false);
            await handler(request, call.ResponseStream<TResponse>(), call.Context).ConfigureAwait(false);
        });

    public void ClientStreaming<TRequest, TResponse>(
        Method<TRequest, TResponse> method,
        Func<IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        Add(method, async call =>
        {
            var response = await handler(call.RequestStream(method.RequestParser), call.Context).ConfigureAwait(false);
            await call.WriteSingleResponseAsync(response).ConfigureAwait(false);
        });

    public void DuplexStreaming<TRequest, TResponse>(
        Method<TRequest, TResponse> method,
        Func<IAsyncStreamReader<TRequest>, IAsyncStreamWriter<TResponse>, ServerCallContext, Task> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        Add(method, call => handler(call.RequestStream(method.RequestParser), call.ResponseStream<TResponse>(), call.Context));

    private void Add<TRequest, TResponse>(Method<TRequest, TResponse> method, Func<ServerCall, Task> body)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var streamsResponse = method.Type is MethodType.ServerStreaming or MethodType.DuplexStreaming;
        _endpoints.Add((method.FullName, http => ServerCall.HandleAsync(http, method.FullName, _options, streamsResponse, body)));
    }
}
