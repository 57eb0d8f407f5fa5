using Google.Protobuf.Reflection;
using GongGrid.Rpc;
using GongGrid.Rpc.Client;
using GongGrid.Rpc.Server;

namespace GongGrid.Api.V1;

/// <summary>
/// District and commune police questions, answered from live grain state. The methods come from the descriptor protoc generated, with a server base class
/// and a client: what grpc's code generator would emit, written by hand because its runtime cannot be restored here.
/// </summary>
public static class DistrictService
{
    private static readonly ServiceDescriptor Descriptor = DistrictReflection.Descriptor.Services.Single(service => service.Name == "DistrictService");

    public static readonly Method<NightSummaryRequest, NightSummary> GetNightSummary = Method<NightSummaryRequest, NightSummary>.From(Descriptor, nameof(GetNightSummary));

    public static readonly Method<CommuneDetailRequest, CommuneDetail> GetCommuneDetail = Method<CommuneDetailRequest, CommuneDetail>.From(Descriptor, nameof(GetCommuneDetail));

    public static readonly Method<VillageHistoryRequest, VillageHistory> GetVillageHistory = Method<VillageHistoryRequest, VillageHistory>.From(Descriptor, nameof(GetVillageHistory));

    public static readonly Method<DevicesNeedingAttentionRequest, DeviceList> ListDevicesNeedingAttention = Method<DevicesNeedingAttentionRequest, DeviceList>.From(Descriptor, nameof(ListDevicesNeedingAttention));

    public static readonly Method<CoverageGapsRequest, CoverageGapList> ListCoverageGaps = Method<CoverageGapsRequest, CoverageGapList>.From(Descriptor, nameof(ListCoverageGaps));

    public static readonly Method<StrikerAllowancesRequest, StrikerAllowanceReport> GetStrikerAllowances = Method<StrikerAllowancesRequest, StrikerAllowanceReport>.From(Descriptor, nameof(GetStrikerAllowances));

    public static readonly Method<QuarterlyReportRequest, QuarterlyReport> GetQuarterlyReport = Method<QuarterlyReportRequest, QuarterlyReport>.From(Descriptor, nameof(GetQuarterlyReport));

    /// <summary>Implement this and map it with <c>MapGrpcService</c>.</summary>
    public abstract class DistrictServiceBase : IGrpcService
    {
        public abstract Task<NightSummary> GetNightSummary(NightSummaryRequest request, ServerCallContext context);

        public abstract Task<CommuneDetail> GetCommuneDetail(CommuneDetailRequest request, ServerCallContext context);

        public abstract Task<VillageHistory> GetVillageHistory(VillageHistoryRequest request, ServerCallContext context);

        public abstract Task<DeviceList> ListDevicesNeedingAttention(DevicesNeedingAttentionRequest request, ServerCallContext context);

        public abstract Task<CoverageGapList> ListCoverageGaps(CoverageGapsRequest request, ServerCallContext context);

        public abstract Task<StrikerAllowanceReport> GetStrikerAllowances(StrikerAllowancesRequest request, ServerCallContext context);

        public abstract Task<QuarterlyReport> GetQuarterlyReport(QuarterlyReportRequest request, ServerCallContext context);

        public void Bind(ServiceBinder binder)
        {
            binder.Unary(DistrictService.GetNightSummary, GetNightSummary);
            binder.Unary(DistrictService.GetCommuneDetail, GetCommuneDetail);
            binder.Unary(DistrictService.GetVillageHistory, GetVillageHistory);
            binder.Unary(DistrictService.ListDevicesNeedingAttention, ListDevicesNeedingAttention);
            binder.Unary(DistrictService.ListCoverageGaps, ListCoverageGaps);
            binder.Unary(DistrictService.GetStrikerAllowances, GetStrikerAllowances);
            binder.Unary(DistrictService.GetQuarterlyReport, GetQuarterlyReport);
        }
    }

    public sealed class DistrictServiceClient(GrpcChannel channel)
    {
        public Task<NightSummary> GetNightSummaryAsync(NightSummaryRequest request, CallOptions? options = null) =>
            channel.UnaryAsync(DistrictService.GetNightSummary, request, options);

        public Task<CommuneDetail> GetCommuneDetailAsync(CommuneDetailRequest request, CallOptions? options = null) =>
            channel.UnaryAsync(DistrictService.GetCommuneDetail, request, options);

        public Task<VillageHistory> GetVillageHistoryAsync(VillageHistoryRequest request, CallOptions? options = null) =>
            channel.UnaryAsync(DistrictService.GetVillageHistory, request, options);

        public Task<DeviceList> ListDevicesNeedingAttentionAsync(DevicesNeedingAttentionRequest request, CallOptions? options = null) =>
            channel.UnaryAsync(DistrictService.ListDevicesNeedingAttention, request, options);

        public Task<CoverageGapList> ListCoverageGapsAsync(CoverageGapsRequest request, CallOptions? options = null) =>
            channel.UnaryAsync(DistrictService.ListCoverageGaps, request, options);

        public Task<StrikerAllowanceReport> GetStrikerAllowancesAsync(StrikerAllowancesRequest request, CallOptions? options = null) =>
            channel.UnaryAsync(DistrictService.GetStrikerAllowances, request, options);

        public Task<QuarterlyReport> GetQuarterlyReportAsync(QuarterlyReportRequest request, CallOptions? options = null) =>
            channel.UnaryAsync(DistrictService.GetQuarterlyReport, request, options);
    }
}
