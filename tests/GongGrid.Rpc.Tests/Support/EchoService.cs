using GongGrid.Rpc.Server;
using GongGrid.Rpc.Tests.Echo;

namespace GongGrid.Rpc.Tests.Support;

/// <summary>The test service: one method of each shape, recording what it observed.</summary>
public sealed class EchoService(Observations observed) : IGrpcService
{
    /// <summary>The message of the unexpected exception <c>crash</c> throws; it must never reach a client.</summary>
    public const string Secret = "connection string Password=hunter2";

    public void Bind(ServiceBinder binder)
    {
        binder.Unary(EchoMethods.Echo, EchoAsync);
        binder.ServerStreaming(EchoMethods.Count, CountAsync);
        binder.ClientStreaming(EchoMethods.Sum, SumAsync);
        binder.DuplexStreaming(EchoMethods.Chat, ChatAsync);
    }

    private async Task<EchoReply> EchoAsync(EchoRequest request, ServerCallContext context)
    {
        using var watch = observed.Watch(request.Text, context);
        if (request.HasDelayMs)
        {
            await Task.Delay(request.DelayMs, context.CancellationToken);
        }

        if (request.Crash)
        {
            throw new InvalidOperationException(Secret);
        }

        return request.HasFailWith
            ? throw new RpcException((StatusCode)request.FailWith, request.Text)
            : new EchoReply { Text = request.Text };
    }

    private async Task CountAsync(CountRequest request, IAsyncStreamWriter<CountReply> responses, ServerCallContext context)
    {
        using var watch = observed.Watch(request.Id, context);
        for (var i = 1; i <= request.N; i++)
        {
            if (request.HasFailAfter && i > request.FailAfter)
            {
                throw new RpcException(StatusCode.NotFound, $"Xã số {i} không tồn tại");
            }

            await responses.WriteAsync(new CountReply { I = i }, context.CancellationToken);
            if (request.IntervalMs > 0)
            {
                await Task.Delay(request.IntervalMs, context.CancellationToken);
            }
        }
    }

    private async Task<SumReply> SumAsync(IAsyncStreamReader<SumRequest> requests, ServerCallContext context)
    {
        var reply = new SumReply();
        await foreach (var request in requests.ReadAllAsync(context.CancellationToken))
        {
            reply.Total += request.Value;
            reply.Count++;
        }

        return reply;
    }

    private async Task ChatAsync(
        IAsyncStreamReader<ChatMessage> requests, IAsyncStreamWriter<ChatMessage> responses, ServerCallContext context)
    {
        using var watch = observed.Watch("chat", context);
        await foreach (var message in requests.ReadAllAsync(context.CancellationToken))
        {
            await responses.WriteAsync(new ChatMessage { Text = message.Text }, context.CancellationToken);
        }
    }
}
