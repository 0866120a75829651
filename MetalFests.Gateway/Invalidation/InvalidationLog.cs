using System.Collections.Concurrent;
using MetalFests.Api.Invalidation;

namespace MetalFests.Gateway.Invalidation;

/// <summary>The latest invalidations (bounded), for their status endpoint.</summary>
public sealed class InvalidationLog
{
    private const int Capacity = 1000;

    /// <summary>Who requested an invalidation made by a write (the service audits the key id).</summary>
    public const string WriteRequester = "write";
    private readonly ConcurrentDictionary<string, InvalidationStatus> _byId = new();
    private readonly ConcurrentQueue<string> _order = new();

    public void Add(InvalidationStatus status)
    {
        _byId[status.InvalidationId] = status;
        _order.Enqueue(status.InvalidationId);
        while (_order.Count > Capacity && _order.TryDequeue(out var oldest))
        {
            _byId.TryRemove(oldest, out _);
        }
    }

    public InvalidationStatus? Find(string id) => _byId.GetValueOrDefault(id);
}
