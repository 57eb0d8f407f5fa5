using Google.Protobuf.Reflection;
using GongGrid.Rpc;
using GongGrid.Rpc.Client;
using GongGrid.Rpc.Server;

namespace GongGrid.Api.V1;

/// <summary>
/// Roster and device changes. The methods come from the descriptor protoc generated, with a server base class
/// and a client: what grpc's code generator would emit, written by hand because its runtime cannot be restored here.
/// </summary>
public static class AdminService
{
    private static readonly ServiceDescriptor Descriptor = AdminReflection.Descriptor.Services.Single(service => service.Name == "AdminService");

    public static readonly Method<ImportRosterRequest, ImportRosterReply> ImportRoster = Method<ImportRosterRequest, ImportRosterReply>.From(Descriptor, nameof(ImportRoster));

    public static readonly Method<SetDeviceConditionRequest, DeviceStatus> SetDeviceCondition = Method<SetDeviceConditionRequest, DeviceStatus>.From(Descriptor, nameof(SetDeviceCondition));

    public static readonly Method<RegisterDeviceRequest, DeviceStatus> RegisterDevice = Method<RegisterDeviceRequest, DeviceStatus>.From(Descriptor, nameof(RegisterDevice));

    /// <summary>Implement this and map it with <c>MapGrpcService</c>.</summary>
    public abstract class AdminServiceBase : IGrpcService
    {
        public abstract Task<ImportRosterReply> ImportRoster(ImportRosterRequest request, ServerCallContext context);

        public abstract Task<DeviceStatus> SetDeviceCondition(SetDeviceConditionRequest request, ServerCallContext context);

        public abstract Task<DeviceStatus> RegisterDevice(RegisterDeviceRequest request, ServerCallContext context);

        public void Bind(ServiceBinder binder)
        {
            binder.Unary(AdminService.ImportRoster, ImportRoster);
            binder.Unary(AdminService.SetDeviceCondition, SetDeviceCondition);
            binder.Unary(AdminService.RegisterDevice, RegisterDevice);
        }
    }

    public sealed class AdminServiceClient(GrpcChannel channel)
    {
        public Task<ImportRosterReply> ImportRosterAsync(ImportRosterRequest request, CallOptions? options = null) =>
            channel.UnaryAsync(AdminService.ImportRoster, request, options);

        public Task<DeviceStatus> SetDeviceConditionAsync(SetDeviceConditionRequest request, CallOptions? options = null) =>
            channel.UnaryAsync(AdminService.SetDeviceCondition, request, options);

        public Task<DeviceStatus> RegisterDeviceAsync(RegisterDeviceRequest request, CallOptions? options = null) =>
            channel.UnaryAsync(AdminService.RegisterDevice, request, options);
    }
}
