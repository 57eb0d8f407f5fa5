using Google.Protobuf;
using GongGrid.Rpc.Client;
using GongGrid.Rpc.Tests.Echo;
using GongGrid.Rpc.Tests.Support;

namespace GongGrid.Rpc.Tests;

/// <summary>gzip message compression, and what a hostile compressed message cannot do.</summary>
public sealed class CompressionTests
{
    [Fact]
    public async Task A_gzip_unary_call_round_trips()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel();
        var text = string.Concat(Enumerable.Repeat("Thành phố Hồ Chí Minh ", 200));

        var reply = await channel.UnaryAsync(EchoMethods.Echo, new EchoRequest { Text = text }, new CallOptions(Gzip: true));

        Assert.Equal(text, reply.Text);
    }

    [Fact]
    public async Task A_gzip_client_stream_round_trips()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel();

        await using var call = channel.ClientStreaming(EchoMethods.Sum, new CallOptions(Gzip: true));
        for (var i = 1; i <= 10; i++)
        {
            await call.RequestStream.WriteAsync(new SumRequest { Value = i });
        }

        await call.RequestStream.CompleteAsync();

        Assert.Equal(55, (await call.ResponseAsync).Total);
    }

    [Fact]
    public async Task A_message_that_compresses_under_the_limit_is_still_judged_by_its_real_size()
    {
        await using var server = await TestServer.StartAsync(options => options.MaxReceiveMessageSize = 64 * 1024);
        using var channel = server.Channel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(
            EchoMethods.Echo, new EchoRequest { Text = new string('a', 100_000) }, new CallOptions(Gzip: true)));

        Assert.Equal(StatusCode.ResourceExhausted, ex.Status);
    }

    [Fact]
    public async Task A_gzip_bomb_is_resource_exhausted_and_the_server_keeps_serving()
    {
        await using var server = await TestServer.StartAsync(options => options.MaxReceiveMessageSize = 64 * 1024);
        using var channel = server.Channel();
        var bomb = MalformedRequestTests.Gzip(new byte[16 * 1024 * 1024]);

        var response = await RawGrpc.PostAsync(server.Address, RawGrpc.Frame(1, bomb), headers: ("grpc-encoding", "gzip"));
        var reply = await channel.UnaryAsync(EchoMethods.Echo, new EchoRequest { Text = "vẫn sống" });

        Assert.InRange(bomb.Length, 1, 64 * 1024);
        Assert.Equal(StatusCode.ResourceExhausted, response.Status);
        Assert.Contains("decompressed", response.Message, StringComparison.Ordinal);
        Assert.Equal("vẫn sống", reply.Text);
    }

    [Fact]
    public async Task A_corrupt_gzip_message_is_internal()
    {
        await using var server = await TestServer.StartAsync();

        var response = await RawGrpc.PostAsync(
            server.Address, RawGrpc.Frame(1, [0x1F, 0x8B, 0x08, 0x00, 0xDE, 0xAD, 0xBE, 0xEF]), headers: ("grpc-encoding", "gzip"));

        Assert.Equal(StatusCode.Internal, response.Status);
        Assert.Contains("gzip", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_gzip_message_is_internal_not_a_shorter_message()
    {
        await using var server = await TestServer.StartAsync();
        var whole = MalformedRequestTests.Gzip(new EchoRequest { Text = string.Concat(Enumerable.Range(0, 2000)) }.ToByteArray());

        var response = await RawGrpc.PostAsync(
            server.Address, RawGrpc.Frame(1, whole[..^20]), headers: ("grpc-encoding", "gzip"));

        Assert.Equal(StatusCode.Internal, response.Status);
        Assert.Contains("gzip", response.Message, StringComparison.Ordinal);
    }
}
