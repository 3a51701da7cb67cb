namespace CleanRoomsML.Client;

/// <summary>Told about every HTTP attempt of one call, retries included. Called on SDK threads.</summary>
public interface IAttemptObserver
{
    void AttemptStarting(int attempt, string method, string url);

    void AttemptFailed(int attempt, string reason);
}
