using System.Net;
using GongGrid.Rpc.Client;
using GongGrid.Rpc.Tests.Echo;
using GongGrid.Rpc.Tests.Support;

namespace GongGrid.Rpc.Tests;

/// <summary>How a call's outcome reaches the caller: status codes, detail messages, trailers and trailers-only.</summary>
public sealed class StatusTests
{
    private const string Vietnamese = "Xã Ngọc Liên không tồn tại (100% chắc chắn)";

    [Theory]
    [InlineData(StatusCode.InvalidArgument)]
    [InlineData(StatusCode.NotFound)]
    [InlineData(StatusCode.PermissionDenied)]
    [InlineData(StatusCode.Unavailable)]
    [InlineData(StatusCode.Cancelled)]
    public async Task A_status_the_handler_throws_reaches_the_client_with_its_detail_intact(StatusCode status)
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(
            EchoMethods.Echo, new EchoRequest { Text = Vietnamese, FailWith = (int)status }));

        Assert.Equal(status, ex.Status);
        Assert.Equal(Vietnamese, ex.Detail);
    }

    [Fact]
    public async Task The_detail_is_percent_encoded_on_the_wire_and_sent_trailers_only()
    {
        await using var server = await TestServer.StartAsync();

        var response = await RawGrpc.PostAsync(
            server.Address, RawGrpc.Frame(new EchoRequest { Text = Vietnamese, FailWith = (int)StatusCode.NotFound }));

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.Equal("5", response.HeaderStatus);
        Assert.Null(response.TrailerStatus);
        Assert.Empty(response.Body);
        Assert.All(response.HeaderMessage!, c => Assert.InRange(c, ' ', '~'));
        Assert.Equal(Vietnamese, response.Message);
    }

    [Fact]
    public async Task A_call_filter_refuses_a_caller_without_a_token_with_unauthenticated()
    {
        await using var server = await TestServer.StartAsync(options => options.CallFilter = context =>
            context.GetRequestHeader("authorization") == "Bearer vung-oi"
                ? ValueTask.CompletedTask
                : throw new RpcException(StatusCode.Unauthenticated, "Thiếu mã truy cập"));
        using var anonymous = server.Channel();
        using var member = server.Channel(new GrpcChannelOptions { BearerToken = "vung-oi" });

        var refused = await Assert.ThrowsAsync<RpcException>(
            () => anonymous.UnaryAsync(EchoMethods.Echo, new EchoRequest { Text = "anonymous" }));
        var wrong = await Assert.ThrowsAsync<RpcException>(() => anonymous.UnaryAsync(
            EchoMethods.Echo, new EchoRequest { Text = "wrong" }, new CallOptions(BearerToken: "sai")));
        var reply = await member.UnaryAsync(EchoMethods.Echo, new EchoRequest { Text = "member" });

        Assert.Equal(StatusCode.Unauthenticated, refused.Status);
        Assert.Equal("Thiếu mã truy cập", refused.Detail);
        Assert.Equal(StatusCode.Unauthenticated, wrong.Status);
        Assert.Equal("member", reply.Text);
        Assert.False(server.Observed.Started("anonymous"));
        Assert.False(server.Observed.Started("wrong"));
    }

    [Fact]
    public async Task A_call_filter_guards_streaming_calls_too()
    {
        await using var server = await TestServer.StartAsync(options => options.CallFilter =
            _ => throw new RpcException(StatusCode.Unauthenticated, "Thiếu mã truy cập"));
        using var channel = server.Channel();

        await using var call = channel.ServerStreaming(EchoMethods.Count, new CountRequest { N = 3, Id = "count" });
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.Unauthenticated, ex.Status);
        Assert.False(server.Observed.Started("count"));
    }

    [Fact]
    public async Task A_client_stream_the_server_refused_tells_the_writer_why()
    {
        await using var server = await TestServer.StartAsync(options => options.CallFilter =
            _ => throw new RpcException(StatusCode.Unauthenticated, "Thiếu mã truy cập"));
        using var channel = server.Channel();

        await using var call = channel.ClientStreaming(EchoMethods.Sum);
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            // HttpClient takes a few writes to notice that the server ended the call.
            for (var i = 0; i < 100; i++)
            {
                await call.RequestStream.WriteAsync(new SumRequest { Value = i });
                await Task.Delay(20);
            }
        });
        var response = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, refused.Status);
        Assert.Equal("Thiếu mã truy cập", refused.Detail);
        Assert.Equal(StatusCode.Unauthenticated, response.Status);
    }

    [Fact]
    public async Task An_unexpected_exception_is_internal_and_does_not_leak_its_message()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel();

        var ex = await Assert.ThrowsAsync<RpcException>(
            () => channel.UnaryAsync(EchoMethods.Echo, new EchoRequest { Text = "crash", Crash = true }));

        Assert.Equal(StatusCode.Internal, ex.Status);
        Assert.DoesNotContain("hunter2", ex.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_method_is_unimplemented_and_named()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel();

        var ex = await Assert.ThrowsAsync<RpcException>(
            () => channel.UnaryAsync(EchoMethods.Unmapped, new EchoRequest { Text = "x" }));

        Assert.Equal(StatusCode.Unimplemented, ex.Status);
        Assert.Contains("/gonggrid.test.UnmappedService/Echo", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_method_answered_over_raw_http2_is_a_grpc_status_not_a_404()
    {
        await using var server = await TestServer.StartAsync();

        var response = await RawGrpc.PostAsync(
            server.Address, RawGrpc.Frame(new EchoRequest()), path: "/gonggrid.test.EchoService/Nope");

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.Equal(StatusCode.Unimplemented, response.Status);
    }

    [Fact]
    public async Task Without_the_unimplemented_fallback_an_unknown_method_still_reads_as_unimplemented()
    {
        await using var server = await TestServer.StartAsync(mapUnimplemented: false);
        using var channel = server.Channel();

        var ex = await Assert.ThrowsAsync<RpcException>(
            () => channel.UnaryAsync(EchoMethods.Unmapped, new EchoRequest { Text = "x" }));

        Assert.Equal(StatusCode.Unimplemented, ex.Status);
    }

    [Fact]
    public async Task An_error_after_streamed_messages_arrives_after_them_in_the_trailers()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel();

        await using var call = channel.ServerStreaming(EchoMethods.Count, new CountRequest { N = 10, FailAfter = 3 });
        var received = new List<int>();
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var reply in call.ResponseStream.ReadAllAsync())
            {
                received.Add(reply.I);
            }
        });

        Assert.Equal([1, 2, 3], received);
        Assert.Equal(StatusCode.NotFound, ex.Status);
        Assert.Equal("Xã số 4 không tồn tại", ex.Detail);
    }

    [Fact]
    public async Task An_error_after_a_streamed_message_travels_in_trailers_not_headers()
    {
        await using var server = await TestServer.StartAsync();

        var response = await RawGrpc.PostAsync(
            server.Address, RawGrpc.Frame(new CountRequest { N = 5, FailAfter = 1 }), path: "/gonggrid.test.EchoService/Count");

        Assert.Null(response.HeaderStatus);
        Assert.Equal("5", response.TrailerStatus);
        Assert.Equal("Xã số 2 không tồn tại", response.Message);
        Assert.Equal(RawGrpc.Frame(new CountReply { I = 1 }), response.Body);
    }

    [Fact]
    public async Task A_successful_call_ends_with_status_ok_in_the_trailers()
    {
        await using var server = await TestServer.StartAsync();

        var response = await RawGrpc.PostAsync(server.Address, RawGrpc.Frame(new EchoRequest { Text = "chào" }));

        Assert.Null(response.HeaderStatus);
        Assert.Equal("0", response.TrailerStatus);
        Assert.Equal(RawGrpc.Frame(new EchoReply { Text = "chào" }), response.Body);
    }
}
