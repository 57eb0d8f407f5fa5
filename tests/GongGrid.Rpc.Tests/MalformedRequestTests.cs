using System.IO.Compression;
using System.Net;
using Google.Protobuf;
using GongGrid.Rpc.Tests.Echo;
using GongGrid.Rpc.Tests.Support;

namespace GongGrid.Rpc.Tests;

/// <summary>
/// Requests no GongGrid client would send, over a raw HTTP/2 connection: each gets a clear status and message, and
/// the server answers the next good call.
/// </summary>
public sealed class MalformedRequestTests
{
    private static readonly byte[] Good = RawGrpc.Frame(new EchoRequest { Text = "vẫn sống" });

    [Fact]
    public async Task A_compressed_flag_other_than_0_or_1_is_internal()
    {
        var response = await SendThenCheckServerAlive(RawGrpc.Frame(7, new EchoRequest { Text = "x" }.ToByteArray()));

        Assert.Equal(StatusCode.Internal, response.Status);
        Assert.Contains("compressed-flag byte 7", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_length_prefix_longer_than_the_body_is_internal()
    {
        var response = await SendThenCheckServerAlive(RawGrpc.Frame(0, [0x0A, 0x01, 0x78], declaredLength: 100));

        Assert.Equal(StatusCode.Internal, response.Status);
        Assert.Contains("incomplete frame", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_shorter_than_a_frame_header_is_internal()
    {
        var response = await SendThenCheckServerAlive([0, 0, 0]);

        Assert.Equal(StatusCode.Internal, response.Status);
    }

    [Fact]
    public async Task A_payload_that_is_not_protobuf_is_internal()
    {
        // Field 1 declared as a 16-byte string with only two bytes behind it.
        var response = await SendThenCheckServerAlive(RawGrpc.Frame(0, [0x0A, 0x10, 0x41, 0x42]));

        Assert.Equal(StatusCode.Internal, response.Status);
        Assert.Contains("could not be parsed as EchoRequest", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compressed_message_without_grpc_encoding_is_internal()
    {
        var response = await SendThenCheckServerAlive(RawGrpc.Frame(1, Gzip(new EchoRequest { Text = "x" }.ToByteArray())));

        Assert.Equal(StatusCode.Internal, response.Status);
        Assert.Contains("grpc-encoding", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsupported_grpc_encoding_is_unimplemented_and_lists_what_is_supported()
    {
        var response = await SendThenCheckServerAlive(Good, ("grpc-encoding", "snappy"));

        Assert.Equal(StatusCode.Unimplemented, response.Status);
        Assert.Contains("snappy", response.Message, StringComparison.Ordinal);
        Assert.Contains("gzip", response.AcceptEncoding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_that_is_not_grpc_is_refused_with_http_415()
    {
        await using var server = await TestServer.StartAsync();

        var response = await RawGrpc.PostAsync(server.Address, Good, contentType: "application/json");
        var grpcPlusProto = await RawGrpc.PostAsync(server.Address, Good, contentType: "application/grpc+proto");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.HttpStatus);
        Assert.Null(response.Status);
        Assert.Equal(StatusCode.OK, grpcPlusProto.Status);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("10")]
    [InlineData("10x")]
    [InlineData("123456789S")]
    [InlineData("-5S")]
    public async Task A_malformed_grpc_timeout_is_internal_and_names_the_value(string timeout)
    {
        var response = await SendThenCheckServerAlive(Good, ("grpc-timeout", timeout));

        Assert.Equal(StatusCode.Internal, response.Status);
        Assert.Contains($"'{timeout}'", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_body_on_a_unary_call_is_internal()
    {
        var response = await SendThenCheckServerAlive([]);

        Assert.Equal(StatusCode.Internal, response.Status);
        Assert.Contains("without a message", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_messages_on_a_unary_call_are_internal()
    {
        var response = await SendThenCheckServerAlive([.. Good, .. Good]);

        Assert.Equal(StatusCode.Internal, response.Status);
        Assert.Contains("more than one", response.Message, StringComparison.Ordinal);
    }

    private static async Task<RawResponse> SendThenCheckServerAlive(byte[] body, params (string, string)[] headers)
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel();

        var response = await RawGrpc.PostAsync(server.Address, body, headers: headers);
        var raw = await RawGrpc.PostAsync(server.Address, Good);
        var reply = await channel.UnaryAsync(EchoMethods.Echo, new EchoRequest { Text = "vẫn sống" });

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.NotEqual(StatusCode.OK, response.Status);
        Assert.Equal(StatusCode.OK, raw.Status);
        Assert.Equal("vẫn sống", reply.Text);
        return response;
    }

    internal static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
