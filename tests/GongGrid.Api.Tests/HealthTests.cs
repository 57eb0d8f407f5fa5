using Grpc.Health.V1;
using GongGrid.Api.Tests.Support;
using Grpc.Core;
using static Grpc.Health.V1.HealthCheckResponse.Types;
using HealthService = Grpc.Health.V1.Health;

namespace GongGrid.Api.Tests;

/// <summary>grpc.health.v1 as a load balancer or probe asks it: no token.</summary>
public sealed class HealthTests(SiloFixture fixture) : IClassFixture<SiloFixture>
{
    private static readonly CallOptions Probe = ApiSilo.Within(TimeSpan.FromSeconds(10));
    private readonly HealthService.HealthClient _client = new(fixture.Silo.Channel);

    [Theory]
    [InlineData("")]
    [InlineData("gonggrid.v1.DistrictService")]
    [InlineData("gonggrid.v1.AlarmService")]
    [InlineData("gonggrid.v1.IngestService")]
    [InlineData("gonggrid.v1.AdminService")]
    public async Task A_started_silo_is_serving_every_service(string service)
    {
        var reply = await _client.CheckAsync(new HealthCheckRequest { Service = service }, Probe);

        Assert.Equal(ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Checking_a_service_the_silo_does_not_have_is_not_found()
    {
        var error = await Expect.Status(StatusCode.NotFound, () => _client.CheckAsync(new HealthCheckRequest { Service = "gonggrid.v1.GongService" }, Probe));

        Assert.Contains("gonggrid.v1.GongService", error.Status.Detail);
    }

    [Fact]
    public async Task A_watch_first_says_serving_and_stays_open()
    {
        using var watch = _client.Watch(new HealthCheckRequest(), new CallOptions());

        Assert.True(await watch.ResponseStream.MoveNext());
        Assert.Equal(ServingStatus.Serving, watch.ResponseStream.Current.Status);
        var next = watch.ResponseStream.MoveNext();
        await Task.Delay(200);
        Assert.False(next.IsCompleted);
    }

    [Fact]
    public async Task A_watch_of_an_unknown_service_says_so()
    {
        using var watch = _client.Watch(new HealthCheckRequest { Service = "gonggrid.v1.GongService" }, new CallOptions());

        Assert.True(await watch.ResponseStream.MoveNext());
        Assert.Equal(ServingStatus.ServiceUnknown, watch.ResponseStream.Current.Status);
    }

    [Fact]
    public async Task A_silo_that_begins_to_stop_tells_its_watchers_not_serving()
    {
        await using var silo = await ApiSilo.StartAsync();
        var watch = new HealthService.HealthClient(silo.Channel).Watch(new HealthCheckRequest(), ApiSilo.Within(TimeSpan.FromSeconds(10)));
        Assert.True(await watch.ResponseStream.MoveNext());

        var stopping = silo.StopAsync();
        Assert.True(await watch.ResponseStream.MoveNext());
        var status = watch.ResponseStream.Current.Status;
        watch.Dispose();
        await stopping;

        Assert.Equal(ServingStatus.NotServing, status);
    }
}
