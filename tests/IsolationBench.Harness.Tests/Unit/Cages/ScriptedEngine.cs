using System.Threading.Channels;
using IsolationBench.Harness.Engine;

namespace IsolationBench.Harness.Tests.Unit.Cages;

/// <summary>
/// An engine port whose one container writes what the test pushes (<see cref="Write"/>), runs until it is killed or the
/// test ends its output (<see cref="Exit"/>), and can refuse a named call; every call is recorded in order.
/// </summary>
internal sealed class ScriptedEngine(string? refuseAt = null, bool goneAfterRefusal = false) : IContainerEngine
{
    private readonly Channel<(byte[] Data, bool IsStdErr)> _output = Channel.CreateUnbounded<(byte[], bool)>();
    private readonly TaskCompletionSource<long> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly List<string> _calls = [];

    public string Endpoint => "unix:///scripted.sock";

    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public int PublishedPort { get; init; } = 40123;

    public void Write(string text, bool isStdErr = false) => _output.Writer.TryWrite((System.Text.Encoding.UTF8.GetBytes(text), isStdErr));

    public void Exit(long code)
    {
        _output.Writer.TryComplete();
        _exit.TrySetResult(code);
    }

    public Task<string> CreateContainerAsync(ContainerSpec spec, CancellationToken cancellationToken) => Answer("create", "c0ffee0123456789abcdef");

    public Task<IContainerOutput> AttachAsync(string containerId, CancellationToken cancellationToken) => Answer<IContainerOutput>("attach", new Output(_output.Reader));

    public Task StartAsync(string containerId, CancellationToken cancellationToken) => Answer("start", 0);

    public async Task<long> WaitAsync(string containerId, CancellationToken cancellationToken)
    {
        await Answer("wait", 0).ConfigureAwait(false);
        return await _exit.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<ContainerConfigFacts> InspectConfigAsync(string containerId, CancellationToken cancellationToken) => Answer("config", new ContainerConfigFacts
    {
        MemoryBytes = ContainerLimits.LockedDown.MemoryBytes ?? 0,
        PidsLimit = ContainerLimits.LockedDown.PidsLimit,
        CapDrop = ["ALL"],
        SecurityOpt = ["no-new-privileges"],
    });

    public Task<ContainerStateFacts> InspectStateAsync(string containerId, CancellationToken cancellationToken) =>
        Answer("inspect", new ContainerStateFacts(_exit.Task.IsCompleted ? "exited" : "running", 0, false, string.Empty));

    public Task<int> PublishedPortAsync(string containerId, int containerPort, CancellationToken cancellationToken) => Answer("port", PublishedPort);

    public Task KillAsync(string containerId, CancellationToken cancellationToken)
    {
        Exit(137);
        return Answer("kill", 0);
    }

    public Task RemoveAsync(string containerId, CancellationToken cancellationToken) => Answer("remove", 0);

    public Task PingAsync(CancellationToken cancellationToken)
    {
        var answered = Answer("ping", 0);
        return goneAfterRefusal ? Task.FromException(new EngineUnavailableException("cannot reach the container engine (scripted)")) : answered;
    }

    public Task<Stream> GetArchiveAsync(string containerId, string path, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<EngineFacts> GetFactsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ImageFacts?> InspectImageAsync(string reference, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string> BuildImageAsync(ImageBuildRequest request, Stream contextTar, IProgress<string>? progress, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task WatchContainerEventsAsync(string labelKey, string labelValue, DateTimeOffset since, Action<ContainerEvent> onEvent, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(string labelKey, string? labelValue, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task<T> Answer<T>(string call, T value)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }

        return call == refuseAt
            ? Task.FromException<T>(new EngineRequestException($"engine refused to {call}", 500))
            : Task.FromResult(value);
    }

    private sealed class Output(ChannelReader<(byte[] Data, bool IsStdErr)> reader) : IContainerOutput
    {
        private (byte[] Data, bool IsStdErr, int Offset)? _pending;

        public async Task<OutputChunk?> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            if (_pending is null)
            {
                if (!await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false) || !reader.TryRead(out var next))
                {
                    return null;
                }

                _pending = (next.Data, next.IsStdErr, 0);
            }

            var (data, isStdErr, offset) = _pending.Value;
            var n = Math.Min(buffer.Length, data.Length - offset);
            data.AsMemory(offset, n).CopyTo(buffer);
            _pending = offset + n < data.Length ? (data, isStdErr, offset + n) : null;
            return new OutputChunk(n, isStdErr);
        }

        public void Dispose()
        {
        }
    }
}
