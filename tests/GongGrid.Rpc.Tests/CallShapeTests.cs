using GongGrid.Rpc.Tests.Echo;
using GongGrid.Rpc.Tests.Support;

namespace GongGrid.Rpc.Tests;

/// <summary>Each call shape, over real HTTP/2 frames between Kestrel and HttpClient.</summary>
public sealed class CallShapeTests
{
    [Fact]
    public async Task Unary_call_returns_the_servers_answer()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel();

        var reply = await channel.UnaryAsync(EchoMethods.Echo, new EchoRequest { Text = "Phường Bến Nghé, Quận 1" });

        Assert.Equal("Phường Bến Nghé, Quận 1", reply.Text);
    }

    [Fact]
    public async Task Server_stream_delivers_every_message_in_order_then_ends()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel();

        await using var call = channel.ServerStreaming(EchoMethods.Count, new CountRequest { N = 50 });
        var received = new List<int>();
        await foreach (var reply in call.ResponseStream.ReadAllAsync())
        {
            received.Add(reply.I);
        }

        Assert.Equal(Enumerable.Range(1, 50), received);
    }

    [Fact]
    public async Task Server_stream_with_no_messages_ends_cleanly()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel();

        await using var call = channel.ServerStreaming(EchoMethods.Count, new CountRequest { N = 0 });

        Assert.False(await call.ResponseStream.MoveNext());
        Assert.False(await call.ResponseStream.MoveNext());
    }

    [Fact]
    public async Task Client_stream_is_answered_once_the_client_completes_it()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel();

        await using var call = channel.ClientStreaming(EchoMethods.Sum);
        for (var i = 1; i <= 100; i++)
        {
            await call.RequestStream.WriteAsync(new SumRequest { Value = i });
        }

        await call.RequestStream.CompleteAsync();
        var reply = await call.ResponseAsync;

        Assert.Equal(5050, reply.Total);
        Assert.Equal(100, reply.Count);
    }

    [Fact]
    public async Task Client_stream_with_no_messages_is_answered()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel();

        await using var call = channel.ClientStreaming(EchoMethods.Sum);
        await call.RequestStream.CompleteAsync();
        var reply = await call.ResponseAsync;

        Assert.Equal(0, reply.Count);
    }

    [Fact]
    public async Task Duplex_stream_answers_each_message_before_the_next_is_sent()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel();

        await using var call = channel.DuplexStreaming(EchoMethods.Chat);
        foreach (var text in new[] { "một", "hai", "ba" })
        {
            await call.RequestStream.WriteAsync(new ChatMessage { Text = text });
            Assert.True(await call.ResponseStream.MoveNext());
            Assert.Equal(text, call.ResponseStream.Current.Text);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext());
    }

    [Fact]
    public async Task Many_concurrent_calls_of_every_shape_share_one_channel()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel();

        var unary = Enumerable.Range(0, 200).Select(async i =>
        {
            var reply = await channel.UnaryAsync(EchoMethods.Echo, new EchoRequest { Text = $"call {i}" });
            Assert.Equal($"call {i}", reply.Text);
        });
        var streams = Enumerable.Range(0, 20).Select(async i =>
        {
            await using var call = channel.ServerStreaming(EchoMethods.Count, new CountRequest { N = i });
            var count = 0;
            await foreach (var reply in call.ResponseStream.ReadAllAsync())
            {
                Assert.Equal(++count, reply.I);
            }

            Assert.Equal(i, count);
        });
        var chats = Enumerable.Range(0, 20).Select(async i =>
        {
            await using var call = channel.DuplexStreaming(EchoMethods.Chat);
            await call.RequestStream.WriteAsync(new ChatMessage { Text = $"chat {i}" });
            Assert.True(await call.ResponseStream.MoveNext());
            Assert.Equal($"chat {i}", call.ResponseStream.Current.Text);
            await call.RequestStream.CompleteAsync();
            Assert.False(await call.ResponseStream.MoveNext());
        });

        await Task.WhenAll(unary.Concat(streams).Concat(chats)).WaitAsync(TimeSpan.FromSeconds(20));
    }
}
