using GongGrid.Rpc.Client;
using GongGrid.Rpc.Tests.Echo;
using GongGrid.Rpc.Tests.Support;

namespace GongGrid.Rpc.Tests;

/// <summary>Either side giving up on a call: the other side finds out, within a bounded wait.</summary>
public sealed class CancellationTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Disposing_a_server_stream_mid_way_cancels_the_handler()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel();

        var call = channel.ServerStreaming(EchoMethods.Count, new CountRequest { N = 1000, IntervalMs = 20, Id = "count" });
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.True(await call.ResponseStream.MoveNext());
        await call.DisposeAsync();

        Assert.True(await server.Observed.CancelledWithin("count", Bound));
    }

    [Fact]
    public async Task Disposing_the_channel_mid_stream_cancels_the_handler()
    {
        await using var server = await TestServer.StartAsync();
        var channel = server.Channel();

        var call = channel.ServerStreaming(EchoMethods.Count, new CountRequest { N = 1000, IntervalMs = 20, Id = "count" });
        Assert.True(await call.ResponseStream.MoveNext());
        channel.Dispose();

        Assert.True(await server.Observed.CancelledWithin("count", Bound));
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext())
            {
            }
        });
        await Assert.ThrowsAsync<ObjectDisposedException>(
            () => channel.UnaryAsync(EchoMethods.Echo, new EchoRequest { Text = "muộn" }));

        Assert.Equal(StatusCode.Cancelled, ex.Status);
        channel.Dispose();
    }

    [Fact]
    public async Task Cancelling_a_server_stream_mid_way_is_cancelled_for_the_client_and_the_handler()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel();
        using var cancel = new CancellationTokenSource();

        await using var call = channel.ServerStreaming(
            EchoMethods.Count,
            new CountRequest { N = 1000, IntervalMs = 20, Id = "count" },
            new CallOptions(CancellationToken: cancel.Token));
        Assert.True(await call.ResponseStream.MoveNext());
        await cancel.CancelAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.Cancelled, ex.Status);
        Assert.True(await server.Observed.CancelledWithin("count", Bound));
    }

    [Fact]
    public async Task Cancelling_a_pending_unary_call_is_cancelled_for_the_client_and_the_handler()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel();
        using var cancel = new CancellationTokenSource();

        var call = channel.UnaryAsync(
            EchoMethods.Echo, new EchoRequest { Text = "slow", DelayMs = 10_000 }, new CallOptions(CancellationToken: cancel.Token));
        Assert.True(await server.Observed.StartedWithin("slow", Bound));
        await cancel.CancelAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(() => call);

        Assert.Equal(StatusCode.Cancelled, ex.Status);
        Assert.True(await server.Observed.CancelledWithin("slow", Bound));
    }

    [Fact]
    public async Task Disposing_a_duplex_stream_cancels_the_handler_waiting_for_messages()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel();

        var call = channel.DuplexStreaming(EchoMethods.Chat);
        await call.RequestStream.WriteAsync(new ChatMessage { Text = "xin chào" });
        Assert.True(await call.ResponseStream.MoveNext());
        await call.DisposeAsync();

        Assert.True(await server.Observed.CancelledWithin("chat", Bound));
    }

    [Fact]
    public async Task Writing_to_a_disposed_duplex_stream_fails_as_cancelled()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel();

        var call = channel.DuplexStreaming(EchoMethods.Chat);
        await call.RequestStream.WriteAsync(new ChatMessage { Text = "một" });
        Assert.True(await call.ResponseStream.MoveNext());
        await call.DisposeAsync();
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => call.RequestStream.WriteAsync(new ChatMessage { Text = "hai" }));

        Assert.Equal(StatusCode.Cancelled, Assert.IsType<RpcException>(ex).Status);
    }

    [Fact]
    public async Task A_server_cancelling_mid_stream_reaches_the_client_as_cancelled()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel();

        // fail_after throws NOT_FOUND; a handler may equally throw CANCELLED, so check the code travels as thrown.
        await using var call = channel.ServerStreaming(EchoMethods.Count, new CountRequest { N = 3, FailAfter = 1 });
        Assert.True(await call.ResponseStream.MoveNext());
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.NotFound, ex.Status);
    }

    [Fact]
    public async Task A_server_shutting_down_mid_stream_ends_the_clients_stream_with_an_error()
    {
        var server = await TestServer.StartAsync();
        await using (server)
        {
            using var channel = server.Channel();
            await using var call = channel.ServerStreaming(
                EchoMethods.Count, new CountRequest { N = 1000, IntervalMs = 20, Id = "count" });
            Assert.True(await call.ResponseStream.MoveNext());

            var stopping = server.StopAsync();
            var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            {
                while (await call.ResponseStream.MoveNext().WaitAsync(Bound))
                {
                }
            });
            await stopping.WaitAsync(Bound);

            Assert.Contains(ex.Status, new[] { StatusCode.Cancelled, StatusCode.Unavailable });
            // Aborted, the handler fails on its next write or through its token, whichever comes first.
            Assert.True(await server.Observed.FinishedWithin("count", Bound));
        }
    }
}
