package dev.hindsight.flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The events of one correlation, in global order, with the streams they are in (in the order they
 * first appear) and each event's cause.
 *
 * @param correlation the correlation id
 * @param streams the streams, in the order of their first event in the flow
 * @param events the events, in global order
 */
public record Flow(String correlation, List<String> streams, List<FlowEvent> events) {

  public Flow {
    streams = List.copyOf(streams);
    events = List.copyOf(events);
  }

  /** The event at a global position, when it is in this flow. */
  public Optional<FlowEvent> at(long position) {
    return events.stream().filter(e -> e.position() == position).findFirst();
  }

  /**
   * The flow as a causation tree: each event under the event of this flow that caused it, in global
   * order. Events whose cause is not in the flow (or not stored, or unknown) are roots, and so is
   * the earliest event of a cycle of causes (which only damaged data has), so every event appears
   * exactly once.
   */
  public List<Node> tree() {
    Map<Long, List<FlowEvent>> children = new HashMap<>();
    Set<Long> inFlow = new HashSet<>();
    events.forEach(e -> inFlow.add(e.position()));
    List<FlowEvent> roots = new ArrayList<>();
    for (FlowEvent e : events) {
      Long cause = e.causedBy();
      if (cause == null || !inFlow.contains(cause) || cause == e.position()) {
        roots.add(e);
      } else {
        children.computeIfAbsent(cause, k -> new ArrayList<>()).add(e);
      }
    }
    Set<Long> placed = new HashSet<>();
    List<Node> tree = new ArrayList<>();
    for (FlowEvent root : roots) {
      tree.add(node(root, children, placed));
    }
    // events caught in a cycle of causes are reached from no root: the first of each starts one
    for (FlowEvent e : events) {
      if (!placed.contains(e.position())) {
        tree.add(node(e, children, placed));
      }
    }
    tree.sort(java.util.Comparator.comparingLong(n -> n.event().position()));
    return tree;
  }

  private static Node node(FlowEvent e, Map<Long, List<FlowEvent>> children, Set<Long> placed) {
    placed.add(e.position());
    List<Node> below = new ArrayList<>();
    for (FlowEvent child : children.getOrDefault(e.position(), List.of())) {
      if (!placed.contains(child.position())) {
        below.add(node(child, children, placed));
      }
    }
    return new Node(e, below);
  }

  /** An event of the tree and the events it caused, in global order. */
  public record Node(FlowEvent event, List<Node> caused) {}
}
