using System.Collections.Generic;
using Amazon.Runtime;
using Amazon.Runtime.Credentials.Internal;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace CleanRoomsML.Client.Runtime;

/// <summary>Every Clean Rooms ML operation is signed with SigV4.</summary>
internal sealed class CleanRoomsMLAuthSchemeHandler : BaseAuthResolverHandler
{
    protected override List<IAuthSchemeOption> ResolveAuthOptions(IExecutionContext executionContext) =>
        AuthSchemeOption.DEFAULT_SIGV4;
}
