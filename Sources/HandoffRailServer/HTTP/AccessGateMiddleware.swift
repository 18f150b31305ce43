import HandoffRailModels
import HandoffRailService
import Hummingbird

/// Authentication, role check, rate limiting and body size, in the order the protocol
/// fixes, before the route runs:
///
/// 1. exempt requests (`/health`, `/ready`, `/metrics`, `/openapi.yaml`, `OPTIONS`) pass untouched;
/// 2. the operation is found from method and path (``OperationMatcher``);
/// 3. its key (`X-API-Key`, or `?api_key=` for SSE/WebSocket) is authenticated: missing,
///    empty or unknown → 401, revoked → 403, both counted per client address;
/// 4. the key's role is checked against the operation's minimum role → 403 (not counted);
/// 5. the request is counted: per key (sliding minute) and per tenant (sliding hour) → 429;
/// 6. a POST/PATCH/PUT body over the tier's size is refused on `Content-Length` → 413, and
///    ``HandoffRailRequestContext/bodyLimit`` caps reading a chunked body at the same size.
///
/// Every answer except the exempt ones carries `X-RateLimit-Limit/Remaining/Reset/Tier`.
/// A path that matches no operation is not authenticated (the router answers 404): it is
/// counted per client address against the free tier, like an unauthenticated request.
struct AccessGateMiddleware: RouterMiddleware {
    typealias Context = HandoffRailRequestContext

    let authenticator: any APIKeyAuthenticator
    let limiter: any RateLimiter
    let tierLimits: @Sendable (Tier) -> TierLimits
    let matcher: OperationMatcher
    let exemptPaths: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if request.method == .options || exemptPaths.contains(path) {
            return try await next(request, context)
        }
        var context = context
        let operation = matcher.match(method: request.method.rawValue, path: path)
        let clientSubject = RateLimitSubject.client(address: context.clientAddress ?? "unknown")
        let freeQuota = RateLimitQuota(perMinute: tierLimits(.free).requestsPerMinutePerKey, perHourForTenant: nil)

        guard let operation, operation.requiresAuthentication || operation.transport != nil else {
            // Unknown route: the router's 404, counted per client address.
            let decision = await limiter.admit(clientSubject, quota: freeQuota)
            return try await proceed(request, context: context, decision: decision, tier: .free, next: next)
        }

        let verdict: Authentication
        do {
            verdict = try await authenticate(request, transport: operation.transport)
        } catch {
            // The key store is unreachable: a 503 in the protocol's shape, headers included.
            let response = try ProblemMiddleware<Context>.response(for: error, request: request, context: context)
            return Self.withRateLimitHeaders(response, await limiter.peek(clientSubject, quota: freeQuota), tier: .free)
        }
        let caller: APICaller
        switch verdict {
        case .authenticated(let authenticated):
            caller = authenticated
        case .revoked:
            return await refuse(APIProblem(status: .forbidden, detail: "API key has been revoked"), request, context, clientSubject, freeQuota)
        case .unknown:
            return await refuse(APIProblem(status: .unauthorized, detail: "Invalid or missing API key"), request, context, clientSubject, freeQuota)
        }

        let limits = tierLimits(caller.tier)
        let subject = RateLimitSubject.key(id: caller.keyID, tenantID: caller.tenantID)
        let quota = RateLimitQuota(perMinute: limits.requestsPerMinutePerKey, perHourForTenant: limits.requestsPerHour)
        if let required = operation.requiredRole.map(Role.init(rawValue:)), !caller.role.satisfies(required) {
            let problem = APIProblem(
                status: .forbidden,
                detail: "Insufficient permissions. Required role: \(required.rawValue), current role: \(caller.role.rawValue)")
            let decision = await limiter.peek(subject, quota: quota)
            return Self.withRateLimitHeaders(try problem.response(from: request, context: context), decision, tier: caller.tier)
        }
        let decision = await limiter.admit(subject, quota: quota)
        context.caller = caller
        context.bodyLimit = BodyLimit(tier: caller.tier, bytes: limits.maxPacketBytes)
        return try await proceed(request, context: context, decision: decision, tier: caller.tier, next: next)
    }

    /// The key's verdict; a missing or empty key is `.unknown` without asking the authenticator.
    private func authenticate(_ request: Request, transport: String?) async throws -> Authentication {
        var key = request.headers[.apiKey]
        if key == nil, transport != nil {
            key = FormQuery(request.uri.query).first("api_key")
        }
        guard let key, !key.isEmpty else { return .unknown }
        return try await authenticator.authenticate(apiKey: key)
    }

    /// A 401/403 for a key that does not authenticate, counted per client address (so guessing
    /// keys is rate limited too): a client over its limit gets the 429 instead. A body declared
    /// over the free tier's size is a 413 first, as PROTOCOL.md says for unauthenticated requests.
    private func refuse(_ problem: APIProblem, _ request: Request, _ context: Context, _ subject: RateLimitSubject, _ quota: RateLimitQuota) async -> Response {
        let decision = await limiter.admit(subject, quota: quota)
        let freeLimit = BodyLimit(tier: .free, bytes: tierLimits(.free).maxPacketBytes)
        let response: Response
        if !decision.allowed {
            response = Self.tooManyRequests(request, context)
        } else if Self.carriesBody(request.method), let length = request.headers[.contentLength].flatMap(Int.init), length > freeLimit.bytes {
            response = (try? BodyTooLargeProblem(limit: freeLimit).response(from: request, context: context)) ?? problem.response(request, context)
        } else {
            response = problem.response(request, context)
        }
        return Self.withRateLimitHeaders(response, decision, tier: .free)
    }

    /// Runs the route when the limiter allowed it and the body fits, and adds the headers to
    /// whatever comes back (errors included, answered here in the protocol's shape).
    private func proceed(
        _ request: Request, context: Context, decision: RateLimitDecision, tier: Tier,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard decision.allowed else {
            return Self.withRateLimitHeaders(Self.tooManyRequests(request, context), decision, tier: tier)
        }
        let response: Response
        if Self.carriesBody(request.method),
            let length = request.headers[.contentLength].flatMap(Int.init), length > context.bodyLimit.bytes
        {
            response = try BodyTooLargeProblem(limit: context.bodyLimit).response(from: request, context: context)
        } else {
            do {
                response = try await next(request, context)
            } catch {
                response = try ProblemMiddleware<Context>.response(for: error, request: request, context: context)
            }
        }
        return Self.withRateLimitHeaders(response, decision, tier: tier)
    }

    private static func carriesBody(_ method: HTTPRequest.Method) -> Bool {
        method == .post || method == .patch || method == .put
    }

    private static func tooManyRequests(_ request: Request, _ context: Context) -> Response {
        APIProblem(status: .tooManyRequests, detail: "Rate limit exceeded", field: "rate_limit").response(request, context)
    }

    private static func withRateLimitHeaders(_ response: Response, _ decision: RateLimitDecision, tier: Tier) -> Response {
        var response = response
        response.headers[.rateLimitLimit] = String(decision.limit)
        response.headers[.rateLimitRemaining] = String(decision.allowed && response.status != .tooManyRequests ? decision.remaining : 0)
        response.headers[.rateLimitReset] = String(decision.resetAt)
        response.headers[.rateLimitTier] = tier.rawValue
        if let retryAfter = decision.retryAfter, response.status == .tooManyRequests {
            response.headers[.retryAfter] = String(retryAfter)
        }
        return response
    }
}

extension APIProblem {
    /// The JSON answer; encoding a string dictionary cannot fail, a failure would be a bug → 500.
    fileprivate func response(_ request: Request, _ context: some RequestContext) -> Response {
        (try? response(from: request, context: context)) ?? Response(status: .internalServerError)
    }
}
