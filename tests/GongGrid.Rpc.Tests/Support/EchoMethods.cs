using GongGrid.Rpc.Tests.Echo;

namespace GongGrid.Rpc.Tests.Support;

/// <summary>The methods of echo.proto, built from its descriptor as production services build theirs.</summary>
public static class EchoMethods
{
    public static readonly Method<EchoRequest, EchoReply> Echo =
        Method<EchoRequest, EchoReply>.From(EchoReflection.Descriptor.Services[0], "Echo");

    public static readonly Method<CountRequest, CountReply> Count =
        Method<CountRequest, CountReply>.From(EchoReflection.Descriptor.Services[0], "Count");

    public static readonly Method<SumRequest, SumReply> Sum =
        Method<SumRequest, SumReply>.From(EchoReflection.Descriptor.Services[0], "Sum");

    public static readonly Method<ChatMessage, ChatMessage> Chat =
        Method<ChatMessage, ChatMessage>.From(EchoReflection.Descriptor.Services[0], "Chat");

    public static readonly Method<EchoRequest, EchoReply> Unmapped =
        Method<EchoRequest, EchoReply>.From(EchoReflection.Descriptor.Services[1], "Echo");
}
