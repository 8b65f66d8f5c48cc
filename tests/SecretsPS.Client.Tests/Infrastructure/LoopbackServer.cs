using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace SecretsPS.Client.Tests.Infrastructure;

/// <summary>One HTTP request as it arrived on the wire.</summary>
public sealed class RecordedRequest
{
    public RecordedRequest(string method, string target, string protocol, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
    {
        Method = method;
        Target = target;
        Protocol = protocol;
        Headers = headers;
        Body = body;
    }

    public string Method { get; }

    /// <summary>The request target (path and query) exactly as sent.</summary>
    public string Target { get; }

    public string Protocol { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public byte[] Body { get; }

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The operation named by X-Amz-Target (after "secretsmanager.").</summary>
    public string? Operation
    {
        get
        {
            var target = Header("X-Amz-Target");
            return target is not null && target.StartsWith("secretsmanager.", StringComparison.Ordinal)
                ? target.Substring("secretsmanager.".Length)
                : null;
        }
    }

    public string? Header(string name)
    {
        foreach (var header in Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }
}

/// <summary>What the loopback server answers; <see cref="Silent"/> means never answer.</summary>
public sealed class CannedResponse
{
    public int Status { get; init; } = 200;

    public string? Reason { get; init; }

    public string Body { get; init; } = "{}";

    public string ContentType { get; init; } = "application/x-amz-json-1.1";

    public IDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public bool Silent { get; init; }

    public static CannedResponse Json(string body, int status = 200) => new() { Status = status, Body = body };

    public static CannedResponse SilentResponse { get; } = new() { Silent = true };
}

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (free port, TCP_NODELAY) that records every request and answers
/// through a handler. Enough for the SDK's HttpClient: Content-Length and chunked bodies, keep-alive.
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<RecordedRequest, int, CannedResponse> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentBag<TcpClient> _clients = new();
    private readonly Task _acceptLoop;
    private int _count;

    /// <param name="handler">Called with each request and its 1-based sequence number.</param>
    public LoopbackServer(Func<RecordedRequest, int, CannedResponse> handler)
    {
        _handler = handler;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public LoopbackServer(Func<RecordedRequest, CannedResponse> handler)
        : this((request, _) => handler(request))
    {
    }

    public int Port { get; }

    public string Url => "http://127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public int RequestCount => Volatile.Read(ref _count);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        try
        {
            _acceptLoop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener's ObjectDisposed/Socket exception; nothing to report.
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            client.NoDelay = true;
            _clients.Add(client);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            var stream = client.GetStream();
            var reader = new BufferedReader(stream);
            while (!_stop.IsCancellationRequested)
            {
                var request = await ReadRequestAsync(reader, _stop.Token);
                if (request is null)
                {
                    return;
                }

                var sequence = Interlocked.Increment(ref _count);
                _requests.Enqueue(request);
                var response = _handler(request, sequence);
                if (response.Silent)
                {
                    // Hold the connection open without answering until the client or the server gives up.
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                    return;
                }

                await WriteResponseAsync(stream, response, _stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Client went away or server stopped.
        }
        finally
        {
            client.Dispose();
        }
    }

    private static async Task<RecordedRequest?> ReadRequestAsync(BufferedReader reader, CancellationToken ct)
    {
        var requestLine = await reader.ReadLineAsync(ct);
        if (string.IsNullOrEmpty(requestLine))
        {
            return null;
        }

        var parts = requestLine.Split(' ');
        var headers = new List<KeyValuePair<string, string>>();
        string? line;
        while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync(ct)))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new KeyValuePair<string, string>(line.Substring(0, colon), line.Substring(colon + 1).Trim()));
        }

        string? Find(string name) => headers.Find(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

        byte[] body;
        if (string.Equals(Find("Transfer-Encoding"), "chunked", StringComparison.OrdinalIgnoreCase))
        {
            using var buffer = new MemoryStream();
            while (true)
            {
                var sizeLine = (await reader.ReadLineAsync(ct))!;
                var size = int.Parse(sizeLine.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    await reader.ReadLineAsync(ct);
                    break;
                }

                buffer.Write(await reader.ReadBytesAsync(size, ct));
                await reader.ReadLineAsync(ct);
            }

            body = buffer.ToArray();
        }
        else
        {
            var length = Find("Content-Length") is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : 0;
            body = await reader.ReadBytesAsync(length, ct);
        }

        return new RecordedRequest(parts[0], parts[1], parts.Length > 2 ? parts[2] : "HTTP/1.1", headers, body);
    }

    private static async Task WriteResponseAsync(NetworkStream stream, CannedResponse response, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(response.Body);
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} {response.Reason ?? ReasonPhrase(response.Status)}\r\n");
        if (!response.Headers.ContainsKey("Date"))
        {
            head.Append("Date: ").Append(DateTime.UtcNow.ToString("r", CultureInfo.InvariantCulture)).Append("\r\n");
        }

        if (response.ContentType.Length > 0)
        {
            head.Append("Content-Type: ").Append(response.ContentType).Append("\r\n");
        }

        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        foreach (var header in response.Headers)
        {
            head.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
        }

        head.Append("\r\n");
        var bytes = Encoding.ASCII.GetBytes(head.ToString());
        await stream.WriteAsync(bytes, ct);
        await stream.WriteAsync(body, ct);
        await stream.FlushAsync(ct);
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    };

    /// <summary>Reads lines and exact byte counts from a stream without over-reading into the next request.</summary>
    private sealed class BufferedReader
    {
        private readonly Stream _stream;
        private readonly byte[] _buffer = new byte[16384];
        private int _start;
        private int _end;

        public BufferedReader(Stream stream)
        {
            _stream = stream;
        }

        public async Task<string?> ReadLineAsync(CancellationToken ct)
        {
            var line = new MemoryStream();
            while (true)
            {
                if (_start == _end && !await FillAsync(ct))
                {
                    return line.Length == 0 ? null : Encoding.ASCII.GetString(line.ToArray());
                }

                var b = _buffer[_start++];
                if (b == (byte)'\n')
                {
                    var bytes = line.ToArray();
                    var length = bytes.Length > 0 && bytes[^1] == (byte)'\r' ? bytes.Length - 1 : bytes.Length;
                    return Encoding.ASCII.GetString(bytes, 0, length);
                }

                line.WriteByte(b);
            }
        }

        public async Task<byte[]> ReadBytesAsync(int count, CancellationToken ct)
        {
            var result = new byte[count];
            var filled = 0;
            while (filled < count)
            {
                if (_start == _end && !await FillAsync(ct))
                {
                    throw new EndOfStreamException();
                }

                var n = Math.Min(count - filled, _end - _start);
                Buffer.BlockCopy(_buffer, _start, result, filled, n);
                _start += n;
                filled += n;
            }

            return result;
        }

        private async Task<bool> FillAsync(CancellationToken ct)
        {
            _start = 0;
            _end = await _stream.ReadAsync(_buffer.AsMemory(), ct);
            return _end > 0;
        }
    }
}
