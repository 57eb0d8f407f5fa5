using System.Net.Sockets;
using GongGrid.Api.Tests.Support;
using GongGrid.Grains.Interfaces.Roster;
using GongGrid.Silo.Api.Mapping;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.Runtime;

namespace GongGrid.Api.Tests;

/// <summary>The one place where an exception escaping a service method becomes a status, on its own.</summary>
public sealed class GrainErrorsTests
{
    private const string Method = "/gonggrid.v1.DistrictService/GetNightSummary";
    private const string StorageUnavailable = "the silo's storage is unavailable; try again shortly";
    private readonly GrainErrors _errors = new(NullLogger<GrainErrors>.Instance);

    [Fact]
    public async Task An_unexpected_exception_is_internal_and_its_message_stays_in_the_silo()
    {
        var error = await Expect.Status(StatusCode.Internal, () => CallThrowing(new NullReferenceException("hunter2 at 0x7f3a")));

        Assert.DoesNotContain("hunter2", error.Status.Detail);
        Assert.DoesNotContain("NullReference", error.Status.Detail);
        Assert.Contains(Method, error.Status.Detail);
    }

    [Fact]
    public async Task A_place_not_in_the_roster_is_not_found_with_the_grains_words()
    {
        var error = await Expect.Status(StatusCode.NotFound, () => CallThrowing(new NotInRosterException("commune", "ngoc-lac/khong-co")));

        Assert.Contains("ngoc-lac/khong-co", error.Status.Detail);
    }

    [Fact]
    public async Task A_status_a_method_throws_passes_as_thrown()
    {
        var error = await Expect.Status(StatusCode.PermissionDenied, () => CallThrowing(new RpcException(new Status(StatusCode.PermissionDenied, "outside the scope"))));

        Assert.Equal("outside the scope", error.Status.Detail);
    }

    [Fact]
    public async Task A_call_the_client_gave_up_on_ends_as_it_ended()
    {
        using var hungUp = new CancellationTokenSource();
        await hungUp.CancelAsync();

        await Assert.ThrowsAsync<OperationCanceledException>(() => CallThrowing(new OperationCanceledException(), hungUp.Token));
    }

    [Fact]
    public async Task PostgreSQL_refusing_connections_is_unavailable_and_its_address_stays_in_the_silo()
    {
        var refused = new NpgsqlException("Failed to connect to 10.0.3.7:5432", new SocketException((int)SocketError.ConnectionRefused));

        var error = await Expect.Status(StatusCode.Unavailable, () => CallThrowing(refused));

        Assert.Equal(StorageUnavailable, error.Status.Detail);
    }

    [Fact]
    public async Task PostgreSQL_shutting_down_under_a_grain_is_unavailable()
    {
        var shutdown = new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown);

        var error = await Expect.Status(StatusCode.Unavailable, () => CallThrowing(new OrleansException("Error activating grain", shutdown)));

        Assert.Equal(StorageUnavailable, error.Status.Detail);
    }

    [Fact]
    public async Task A_PostgreSQL_command_timing_out_is_unavailable()
    {
        var error = await Expect.Status(StatusCode.Unavailable, () => CallThrowing(new NpgsqlException("Exception while reading from stream", new TimeoutException())));

        Assert.Equal(StorageUnavailable, error.Status.Detail);
    }

    [Fact]
    public async Task A_PostgreSQL_error_that_trying_again_would_not_cure_is_internal_and_its_text_stays_in_the_silo()
    {
        var missingTable = new PostgresException("relation \"orleansstorage\" does not exist", "ERROR", "ERROR", PostgresErrorCodes.UndefinedTable);

        var error = await Expect.Status(StatusCode.Internal, () => CallThrowing(missingTable));

        Assert.DoesNotContain("orleansstorage", error.Status.Detail);
    }

    private Task<string> CallThrowing(Exception error, CancellationToken cancellationToken = default) =>
        _errors.UnaryServerHandler<string, string>("request", new FakeCallContext(Method, cancellationToken), (_, _) => throw error);
}
