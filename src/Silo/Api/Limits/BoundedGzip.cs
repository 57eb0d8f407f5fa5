using System.IO.Compression;
using Grpc.Net.Compression;

namespace GongGrid.Silo.Api.Limits;

/// <summary>
/// gzip message compression with a bound on what one message may inflate to. grpc-dotnet checks a message's size
/// before inflating it and then inflates it whole, so a few kilobytes of gzip could fill the silo's memory.
/// </summary>
public sealed class BoundedGzip(int maxMessageBytes) : ICompressionProvider
{
    public string EncodingName => "gzip";

    public Stream CreateCompressionStream(Stream stream, CompressionLevel? compressionLevel) =>
        new GZipStream(stream, compressionLevel ?? CompressionLevel.Fastest, leaveOpen: true);

    public Stream CreateDecompressionStream(Stream stream) =>
        new InflatedSizeLimit(new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true), maxMessageBytes);
}
