using Google.Protobuf;
using GongGrid.Rpc.Client;
using GongGrid.Rpc.Tests.Echo;
using GongGrid.Rpc.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace GongGrid.Rpc.Tests;

/// <summary>What the client makes of answers the GongGrid server would never give: proxies, wrong ports, other stacks.</summary>
public sealed class ForeignServerTests
{
    [Theory]
    [InlineData(503, StatusCode.Unavailable)]
    [InlineData(401, StatusCode.Unauthenticated)]
    [InlineData(404, StatusCode.Unimplemented)]
    [InlineData(418, StatusCode.Unknown)]
    public async Task An_http_error_without_a_grpc_status_maps_as_the_protocol_says(int http, StatusCode expected)
    {
        await using var server = await ForeignServer.StartAsync(context =>
        {
            context.Response.StatusCode = http;
            return Task.CompletedTask;
        });

        var ex = await CallEcho(server);

        Assert.Equal(expected, ex.Status);
        Assert.Contains(http.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_web_page_instead_of_grpc_is_internal()
    {
        await using var server = await ForeignServer.StartAsync(context =>
        {
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync("<h1>Xin chào</h1>");
        });

        var ex = await CallEcho(server);

        Assert.Equal(StatusCode.Internal, ex.Status);
        Assert.Contains("text/html", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_without_grpc_status_is_internal_even_with_a_good_message()
    {
        await using var server = await ForeignServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/grpc";
            await context.Response.Body.WriteAsync(RawGrpc.Frame(new EchoReply { Text = "không trạng thái" }));
        });

        var ex = await CallEcho(server);

        Assert.Equal(StatusCode.Internal, ex.Status);
        Assert.Contains("grpc-status", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_code_the_protocol_does_not_define_is_unknown()
    {
        await using var server = await ForeignServer.StartAsync(context =>
        {
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "99";
            context.Response.Headers["grpc-message"] = "m%E1%BB%9Bi";
            return Task.CompletedTask;
        });

        var ex = await CallEcho(server);

        Assert.Equal(StatusCode.Unknown, ex.Status);
        Assert.Contains("mới", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_percent_escape_in_grpc_message_is_kept_as_written()
    {
        await using var server = await ForeignServer.StartAsync(context =>
        {
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "9";
            context.Response.Headers["grpc-message"] = "100% A %zz %4 x%C3%A3";
            return Task.CompletedTask;
        });

        var ex = await CallEcho(server);

        Assert.Equal(StatusCode.FailedPrecondition, ex.Status);
        Assert.Equal("100% A %zz %4 xã", ex.Detail);
    }

    [Fact]
    public async Task A_gzip_compressed_response_is_read()
    {
        await using var server = await ForeignServer.StartAsync(GzipAnswer(new EchoReply { Text = "nén gzip" }.ToByteArray()));
        using var channel = GrpcChannel.ForAddress(server.Address);

        var reply = await channel.UnaryAsync(EchoMethods.Echo, new EchoRequest { Text = "xin chào" });

        Assert.Equal("nén gzip", reply.Text);
    }

    [Fact]
    public async Task A_gzip_bomb_in_a_response_is_resource_exhausted()
    {
        await using var server = await ForeignServer.StartAsync(GzipAnswer(new byte[16 * 1024 * 1024]));
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 });

        var ex = await Assert.ThrowsAsync<RpcException>(
            () => channel.UnaryAsync(EchoMethods.Echo, new EchoRequest { Text = "xin chào" }));

        Assert.Equal(StatusCode.ResourceExhausted, ex.Status);
    }

    [Fact]
    public async Task A_response_compressed_with_an_unsupported_encoding_is_internal_and_named()
    {
        await using var server = await ForeignServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-encoding"] = "snappy";
            await context.Response.Body.WriteAsync(RawGrpc.Frame(1, [1, 2, 3, 4]));
            context.Response.AppendTrailer("grpc-status", "0");
        });

        var ex = await CallEcho(server);

        Assert.Equal(StatusCode.Internal, ex.Status);
        Assert.Contains("snappy", ex.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x8, StatusCode.Cancelled)]
    [InlineData(0x7, StatusCode.Unavailable)]
    [InlineData(0xB, StatusCode.ResourceExhausted)]
    [InlineData(0x2, StatusCode.Internal)]
    public async Task A_stream_the_server_resets_maps_its_http2_error_code(int errorCode, StatusCode expected)
    {
        await using var server = await ForeignServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/grpc";
            await context.Response.Body.WriteAsync(RawGrpc.Frame(new CountReply { I = 1 }));
            await context.Response.Body.FlushAsync();
            context.Features.GetRequiredFeature<IHttpResetFeature>().Reset(errorCode);
        });
        using var channel = GrpcChannel.ForAddress(server.Address);

        await using var call = channel.ServerStreaming(EchoMethods.Count, new CountRequest { N = 5 });
        // HttpClient may drop the message it had buffered when the reset arrives; the reset itself must surface.
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext())
            {
            }
        });

        Assert.Equal(expected, ex.Status);
    }

    private static RequestDelegate GzipAnswer(byte[] message) => async context =>
    {
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-encoding"] = "gzip";
        await context.Response.Body.WriteAsync(RawGrpc.Frame(1, MalformedRequestTests.Gzip(message)));
        context.Response.AppendTrailer("grpc-status", "0");
    };

    private static async Task<RpcException> CallEcho(ForeignServer server)
    {
        using var channel = GrpcChannel.ForAddress(server.Address);
        return await Assert.ThrowsAsync<RpcException>(
            () => channel.UnaryAsync(EchoMethods.Echo, new EchoRequest { Text = "xin chào" }));
    }
}
