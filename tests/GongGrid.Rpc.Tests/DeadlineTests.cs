using System.Net;
using GongGrid.Rpc.Client;
using GongGrid.Rpc.Tests.Echo;
using GongGrid.Rpc.Tests.Support;

namespace GongGrid.Rpc.Tests;

/// <summary>grpc-timeout: the client gives up in time, and the server stops the handler and says why.</summary>
public sealed class DeadlineTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_timeout_shorter_than_the_handler_is_deadline_exceeded_and_stops_the_handler()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(
            EchoMethods.Echo,
            new EchoRequest { Text = "slow", DelayMs = 10_000 },
            new CallOptions(Timeout: TimeSpan.FromMilliseconds(200))));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.Status);
        Assert.True(await server.Observed.CancelledWithin("slow", Bound));
    }

    [Fact]
    public async Task A_timeout_on_a_server_stream_ends_it_after_the_messages_that_came_in_time()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel();

        await using var call = channel.ServerStreaming(
            EchoMethods.Count,
            new CountRequest { N = 1000, IntervalMs = 50, Id = "count" },
            new CallOptions(Timeout: TimeSpan.FromSeconds(1)));
        var received = 0;
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var reply in call.ResponseStream.ReadAllAsync())
            {
                received++;
            }
        });

        Assert.Equal(StatusCode.DeadlineExceeded, ex.Status);
        Assert.InRange(received, 1, 999);
        // The server stops either way: its deadline fires the handler's token, or the client's reset fails its next
        // write first (then the handler ends before its token fires), whichever comes first on a busy machine.
        Assert.True(await server.Observed.FinishedWithin("count", Bound));
    }

    [Fact]
    public async Task The_server_enforces_grpc_timeout_itself_for_a_client_that_does_not()
    {
        await using var server = await TestServer.StartAsync();

        var response = await RawGrpc.PostAsync(
            server.Address,
            RawGrpc.Frame(new EchoRequest { Text = "raw slow", DelayMs = 10_000 }),
            headers: ("grpc-timeout", "200m"));

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.Equal(StatusCode.DeadlineExceeded, response.Status);
        Assert.Contains("200m", response.Message, StringComparison.Ordinal);
        Assert.True(await server.Observed.CancelledWithin("raw slow", Bound));
    }

    [Fact]
    public async Task The_server_ends_a_stream_past_its_grpc_timeout_with_deadline_exceeded_in_the_trailers()
    {
        await using var server = await TestServer.StartAsync();

        var response = await RawGrpc.PostAsync(
            server.Address,
            RawGrpc.Frame(new CountRequest { N = 1000, IntervalMs = 50, Id = "raw count" }),
            path: "/gonggrid.test.EchoService/Count",
            headers: ("grpc-timeout", "1S"));

        Assert.Equal("4", response.TrailerStatus);
        Assert.NotEmpty(response.Body);
        Assert.Equal(RawGrpc.Frame(new CountReply { I = 1 }), response.Body[..RawGrpc.Frame(new CountReply { I = 1 }).Length]);
        Assert.True(await server.Observed.CancelledWithin("raw count", Bound));
    }

    [Fact]
    public async Task A_call_that_finishes_within_its_timeout_succeeds()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel();

        var reply = await channel.UnaryAsync(
            EchoMethods.Echo, new EchoRequest { Text = "quick", DelayMs = 10 }, new CallOptions(Timeout: TimeSpan.FromSeconds(10)));

        Assert.Equal("quick", reply.Text);
        Assert.False(await server.Observed.CancelledWithin("quick", TimeSpan.Zero));
    }

    [Fact]
    public async Task A_timeout_of_years_is_just_a_long_deadline()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.Channel();

        var reply = await channel.UnaryAsync(
            EchoMethods.Echo, new EchoRequest { Text = "patient" }, new CallOptions(Timeout: TimeSpan.FromDays(3650)));

        Assert.Equal("patient", reply.Text);
    }

    [Theory]
    [InlineData("99999999H")]
    [InlineData("99999999S")]
    public async Task The_largest_grpc_timeout_the_protocol_allows_is_accepted(string timeout)
    {
        await using var server = await TestServer.StartAsync();

        var response = await RawGrpc.PostAsync(
            server.Address, RawGrpc.Frame(new EchoRequest { Text = "far" }), headers: ("grpc-timeout", timeout));

        Assert.Equal(StatusCode.OK, response.Status);
    }
}
