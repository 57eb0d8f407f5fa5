using System.Net;
using GongGrid.Api.Tests.Support;
using GongGrid.Api.V1;
using GongGrid.Testing.Network;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using static GongGrid.Api.Tests.Support.ApiSilo;

namespace GongGrid.Api.Tests;

/// <summary>gRPC-Web as a browser dashboard speaks it: HTTP/1.1 to the silo's WebListen address, with the same tokens.</summary>
public sealed class GrpcWebTests(GrpcWebTests.Fixture fixture) : IClassFixture<GrpcWebTests.Fixture>
{
    public sealed class Fixture : SiloFixture
    {
        public Uri WebAddress { get; } = new($"http://127.0.0.1:{FreeTcpPort.Next()}");

        protected override string[] Settings => [$"--GongGrid:Api:WebListen={WebAddress}"];
    }

    [Theory]
    [InlineData(GrpcWebMode.GrpcWeb)]
    [InlineData(GrpcWebMode.GrpcWebText)]
    public async Task A_grpc_web_call_over_http_1_1_is_answered(GrpcWebMode mode)
    {
        using var channel = WebChannel(mode);

        var summary = await new DistrictService.DistrictServiceClient(channel).GetNightSummaryAsync(new NightSummaryRequest { DistrictKey = District }, As(DistrictToken));

        Assert.Equal((District, 250), (summary.DistrictKey, summary.Totals.Villages));
    }

    [Fact]
    public async Task A_grpc_web_call_needs_a_token_as_any_other()
    {
        using var channel = WebChannel(GrpcWebMode.GrpcWeb);

        var error = await Expect.Status(StatusCode.Unauthenticated,
            () => new DistrictService.DistrictServiceClient(channel).GetNightSummaryAsync(new NightSummaryRequest { DistrictKey = District }, Within(TimeSpan.FromSeconds(10))));

        Assert.Contains("bearer token is required", error.Status.Detail);
    }

    private GrpcChannel WebChannel(GrpcWebMode mode) => GrpcChannel.ForAddress(fixture.WebAddress, new GrpcChannelOptions
    {
        HttpHandler = new GrpcWebHandler(mode, new HttpClientHandler()),
        HttpVersion = HttpVersion.Version11,
        HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    });
}
