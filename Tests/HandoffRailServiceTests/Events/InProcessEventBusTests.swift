import Foundation
import HandoffRailModels
import HandoffRailService
import HandoffRailStorage
import Testing

@Suite("In-process event bus")
struct InProcessEventBusTests {
    @Test("a subscriber receives only its own tenant's events, in order")
    func tenantIsolation() async throws {
        let bus = InProcessEventBus()
        let received = try await bus.withSubscription(EventSubscriptionRequest(tenantID: "acme", bufferLimit: 16)) { acme in
            try await bus.withSubscription(EventSubscriptionRequest(tenantID: "globex", bufferLimit: 16)) { globex in
                bus.publish([
                    .sample(sequence: 1, tenantID: "acme"), .sample(sequence: 2, tenantID: "globex"),
                    .sample(sequence: 3, tenantID: "acme"), .sample(sequence: 4, tenantID: "globex"),
                ])
                acme.finish()
                globex.finish()
                let acmeEvents = try await EventCollector.events(acme, count: 10)
                let globexEvents = try await EventCollector.events(globex, count: 10)
                return (acmeEvents, globexEvents)
            }
        }
        #expect(received.0.map(\.sequence) == [1, 3])
        #expect(received.0.allSatisfy { $0.tenantID == "acme" })
        #expect(received.1.map(\.sequence) == [2, 4])
        #expect(received.1.allSatisfy { $0.tenantID == "globex" })
    }

    @Test("channels filter, and can change while subscribed")
    func channelChanges() async throws {
        let bus = InProcessEventBus()
        let request = EventSubscriptionRequest(tenantID: "acme", filter: EventChannelFilter([.status(.completed)]), bufferLimit: 16)
        let sequences = try await bus.withSubscription(request) { subscription in
            bus.publish([.sample(sequence: 1, tenantID: "acme", status: "created"), .sample(sequence: 2, tenantID: "acme", status: "completed")])
            #expect(subscription.subscribe(.agent("legal-01")))
            #expect(!subscription.subscribe(.agent("legal-01")))
            bus.publish([.sample(sequence: 3, tenantID: "acme", status: "created", target: "legal-01")])
            #expect(subscription.unsubscribe(.status(.completed)))
            bus.publish([.sample(sequence: 4, tenantID: "acme", status: "completed")])
            #expect(subscription.unsubscribe(.agent("legal-01")))
            // No channel left: everything of the tenant again.
            bus.publish([.sample(sequence: 5, tenantID: "acme", status: "failed")])
            subscription.finish()
            return try await EventCollector.events(subscription, count: 10).map(\.sequence)
        }
        #expect(sequences == [2, 3, 5])
    }

    @Test("a consumer that falls behind the buffer is dropped with slowConsumer, not buffered without bound")
    func slowConsumer() async throws {
        let bus = InProcessEventBus()
        let outcome: (delivered: Int, error: EventStreamError?) = try await bus.withSubscription(EventSubscriptionRequest(tenantID: "acme", bufferLimit: 3)) { subscription in
            bus.publish((1...10).map { .sample(sequence: Int64($0), tenantID: "acme") })
            #expect(subscription.isOverflowed)
            #expect(bus.slowConsumerDisconnects == 1)
            var delivered = 0
            do {
                for try await _ in subscription.items { delivered += 1 }
                return (delivered, nil)
            } catch let error as EventStreamError {
                return (delivered, error)
            }
        }
        #expect(outcome.delivered == 3)
        #expect(outcome.error == .slowConsumer(bufferLimit: 3))
        #expect(bus.subscriberCount() == 0)
    }

    @Test("control messages share the events' queue and bound")
    func controlMessages() async throws {
        let bus = InProcessEventBus()
        let items = try await bus.withSubscription(EventSubscriptionRequest(tenantID: "acme", bufferLimit: 8)) { subscription in
            bus.publish([.sample(sequence: 1, tenantID: "acme")])
            subscription.enqueueControl(type: "pong", payload: ["type": "pong"])
            bus.publish([.sample(sequence: 2, tenantID: "acme")])
            subscription.finish()
            var items: [EventStreamItem] = []
            for try await item in subscription.items { items.append(item) }
            return items
        }
        #expect(items.count == 3)
        #expect(items[1] == .control(type: "pong", payload: ["type": "pong"]))
    }

    @Test("leaving the scope unsubscribes")
    func scopedSubscription() async throws {
        let bus = InProcessEventBus()
        try await bus.withSubscription(EventSubscriptionRequest(tenantID: "acme", bufferLimit: 1)) { _ in
            #expect(bus.subscriberCount(tenantID: "acme") == 1)
            #expect(bus.subscriberCount(tenantID: "globex") == 0)
        }
        #expect(bus.subscriberCount() == 0)
    }
}
