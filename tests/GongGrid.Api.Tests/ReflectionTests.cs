using Google.Protobuf.Reflection;
using GongGrid.Api.Tests.Support;
using Grpc.Core;
using Grpc.Reflection.V1;

namespace GongGrid.Api.Tests;

/// <summary>
/// Server reflection, as grpcurl and other tools ask it with no .proto files at hand and no token: what services
/// there are, and the descriptors to call them.
/// </summary>
public sealed class ReflectionTests(SiloFixture fixture) : IClassFixture<SiloFixture>
{
    private readonly ServerReflection.ServerReflectionClient _reflection = new(fixture.Silo.Channel);

    [Fact]
    public async Task The_silo_lists_every_service_it_serves()
    {
        var reply = await AskAsync(new ServerReflectionRequest { ListServices = "" });

        Assert.Equal(
            ["gonggrid.v1.AdminService", "gonggrid.v1.AlarmService", "gonggrid.v1.DistrictService", "gonggrid.v1.IngestService",
             "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"],
            reply.ListServicesResponse.Service.Select(service => service.Name).Order());
    }

    [Fact]
    public async Task A_service_is_described_with_its_methods_and_the_files_it_imports()
    {
        var reply = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = "gonggrid.v1.DistrictService" });

        var files = reply.FileDescriptorResponse.FileDescriptorProto.Select(bytes => FileDescriptorProto.Parser.ParseFrom(bytes)).ToList();
        var district = files.Single(file => file.Name == "gonggrid/v1/district.proto");
        Assert.Contains("gonggrid/v1/common.proto", files.Select(file => file.Name));
        Assert.Contains(district.Service.Single().Method, method => method.Name == "GetNightSummary" && method.InputType == ".gonggrid.v1.NightSummaryRequest");
    }

    private async Task<ServerReflectionResponse> AskAsync(ServerReflectionRequest request)
    {
        using var call = _reflection.ServerReflectionInfo(deadline: DateTime.UtcNow.AddSeconds(10));
        await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext());
        return call.ResponseStream.Current;
    }
}
