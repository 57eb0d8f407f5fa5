using GongGrid.Rpc.Client;
using GongGrid.Rpc.Tests.Echo;
using GongGrid.Rpc.Tests.Support;

namespace GongGrid.Rpc.Tests;

/// <summary>Message size limits on either side end the call with RESOURCE_EXHAUSTED and leave the rest working.</summary>
public sealed class MessageSizeTests
{
    private static readonly string Big = new('x', 4000);

    [Fact]
    public async Task A_request_over_the_server_limit_is_resource_exhausted_and_the_server_keeps_serving()
    {
        await using var server = await TestServer.StartAsync(options => options.MaxReceiveMessageSize = 1024);
        using var channel = server.Channel();

        var ex = await Assert.ThrowsAsync<RpcException>(
            () => channel.UnaryAsync(EchoMethods.Echo, new EchoRequest { Text = Big }));
        var reply = await channel.UnaryAsync(EchoMethods.Echo, new EchoRequest { Text = "small" });

        Assert.Equal(StatusCode.ResourceExhausted, ex.Status);
        Assert.Contains("1024", ex.Detail, StringComparison.Ordinal);
        Assert.False(server.Observed.Started(Big));
        Assert.Equal("small", reply.Text);
    }

    [Fact]
    public async Task A_streamed_request_over_the_server_limit_ends_the_stream_with_resource_exhausted()
    {
        await using var server = await TestServer.StartAsync(options => options.MaxReceiveMessageSize = 1024);
        using var channel = server.Channel();

        await using var call = channel.DuplexStreaming(EchoMethods.Chat);
        await call.RequestStream.WriteAsync(new ChatMessage { Text = "small" });
        Assert.True(await call.ResponseStream.MoveNext());
        await call.RequestStream.WriteAsync(new ChatMessage { Text = Big });
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.ResourceExhausted, ex.Status);
    }

    [Fact]
    public async Task A_response_over_the_client_limit_is_resource_exhausted()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel(new GrpcChannelOptions { MaxReceiveMessageSize = 1024 });

        var ex = await Assert.ThrowsAsync<RpcException>(
            () => channel.UnaryAsync(EchoMethods.Echo, new EchoRequest { Text = Big }));
        var reply = await channel.UnaryAsync(EchoMethods.Echo, new EchoRequest { Text = "small" });

        Assert.Equal(StatusCode.ResourceExhausted, ex.Status);
        Assert.Equal("small", reply.Text);
    }

    [Fact]
    public async Task A_response_over_the_server_send_limit_is_resource_exhausted()
    {
        await using var server = await TestServer.StartAsync(options => options.MaxSendMessageSize = 1024);
        using var channel = server.Channel();

        var ex = await Assert.ThrowsAsync<RpcException>(
            () => channel.UnaryAsync(EchoMethods.Echo, new EchoRequest { Text = Big }));

        Assert.Equal(StatusCode.ResourceExhausted, ex.Status);
    }

    [Fact]
    public async Task A_unary_request_over_the_clients_own_limit_fails_without_reaching_the_server()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel(new GrpcChannelOptions { MaxSendMessageSize = 1024 });

        var ex = await Assert.ThrowsAsync<RpcException>(
            () => channel.UnaryAsync(EchoMethods.Echo, new EchoRequest { Text = Big }));

        Assert.Equal(StatusCode.ResourceExhausted, ex.Status);
        Assert.Equal(0, server.Observed.StartedCount);
    }

    [Fact]
    public async Task A_streamed_request_over_the_clients_own_limit_fails_and_the_stream_goes_on()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel(new GrpcChannelOptions { MaxSendMessageSize = 1024 });

        await using var call = channel.DuplexStreaming(EchoMethods.Chat);
        var ex = await Assert.ThrowsAsync<RpcException>(
            () => call.RequestStream.WriteAsync(new ChatMessage { Text = Big }));
        await call.RequestStream.WriteAsync(new ChatMessage { Text = "small" });

        Assert.Equal(StatusCode.ResourceExhausted, ex.Status);
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Equal("small", call.ResponseStream.Current.Text);
    }
}
