namespace GongGrid.Rpc;

/// <summary>How many messages each side of a call sends.</summary>
public enum MethodType
{
    Unary,
    ServerStreaming,
    ClientStreaming,
    DuplexStreaming,
}
