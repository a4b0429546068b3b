package dev.sevzero.fakeslack;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The workspace's users (the bot among them) and user groups. */
final class People {
  private final Ids ids;
  private final Map<String, FakeUser> users = new LinkedHashMap<>();
  private final Map<String, Usergroup> usergroups = new LinkedHashMap<>();

  People(Ids ids) {
    this.ids = ids;
    users.put(FakeSlack.BOT_USER_ID, new FakeUser(FakeSlack.BOT_USER_ID, "sevzero", true, false));
  }

  synchronized void addUser(String id, String name) {
    users.put(id, new FakeUser(id, name, false, false));
  }

  /** Another app's bot user (an integration), which can be mentioned like a person. */
  synchronized void addBotUser(String id, String name) {
    users.put(id, new FakeUser(id, name, true, false));
  }

  synchronized void deactivateUser(String id) {
    users.put(id, user(id).deactivated());
  }

  synchronized FakeUser user(String id) {
    FakeUser user = users.get(id);
    if (user == null) {
      throw new ApiError("user_not_found");
    }
    return user;
  }

  synchronized boolean exists(String id) {
    return users.containsKey(id);
  }

  synchronized List<FakeUser> users() {
    return List.copyOf(users.values());
  }

  synchronized Optional<FakeUser> userByName(String name) {
    return users.values().stream().filter(u -> u.name().equals(name)).findFirst();
  }

  // ---- user groups

  synchronized String addUsergroup(String handle, String... userIds) {
    Usergroup g = new Usergroup(ids.newId('S'), handle);
    g.users.addAll(List.of(userIds));
    usergroups.put(g.id, g);
    return g.id;
  }

  synchronized JsonObject setUsergroupUsers(String id, List<String> userIds) {
    Usergroup g = usergroups.get(id);
    if (g == null) {
      throw new ApiError("no_such_subteam");
    }
    if (userIds.isEmpty() || !users.keySet().containsAll(userIds)) {
      throw new ApiError("invalid_users");
    }
    g.users.clear();
    g.users.addAll(userIds);
    return g.json(true);
  }

  synchronized List<String> usergroupUsers(String id) {
    Usergroup g = usergroups.get(id);
    return g == null ? List.of() : List.copyOf(g.users);
  }

  synchronized List<JsonObject> usergroups(boolean includeUsers) {
    return usergroups.values().stream().map(g -> g.json(includeUsers)).toList();
  }

  // Mutable, only touched under this object's lock.
  private static final class Usergroup {
    final String id;
    final String handle;
    final List<String> users = new ArrayList<>();

    Usergroup(String id, String handle) {
      this.id = id;
      this.handle = handle;
    }

    JsonObject json(boolean includeUsers) {
      return Json.obj(
          "id",
          id,
          "team_id",
          FakeSlack.TEAM_ID,
          "is_usergroup",
          true,
          "name",
          handle,
          "handle",
          handle,
          "user_count",
          users.size(),
          "users",
          includeUsers ? users : null);
    }
  }
}
