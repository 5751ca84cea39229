package io.aftercare.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.naming.directory.SearchResult;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapGroupQuery;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderFactory;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Staff log in with the company directory: Camunda's LDAP identity provider
 * ({@code camunda-identity-ldap}) reads users, passwords and group memberships from the
 * directory, configured under {@code aftercare.directory.ldap} (the plugin's own settings:
 * server URL, manager DN, search bases and filters, attributes). The directory's groups are mapped
 * to Aftercare's by {@code aftercare.directory.groups} (directory group id → Aftercare group id,
 * several directory groups may map to one), so that a directory group "cs-agents-shanghai" works
 * the tasks offered to {@code agent}. A directory group with no mapping shows as
 * {@code directory:<its id>}, which no grant names. On when {@code aftercare.directory.enabled} is true; users and groups are then
 * read-only here (Camunda Admin shows them but cannot change them).
 */
@Configuration
@ConditionalOnProperty(name = "aftercare.directory.enabled", havingValue = "true")
class DirectoryLogin {

  /** A group id no directory holds: the search for an Aftercare group nothing is mapped to. */
  static final String NO_GROUP = "aftercare-no-directory-group";

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DirectoryLogin.class);

  @Bean
  @ConfigurationProperties("aftercare.directory")
  GroupMapping directoryGroupMapping() {
    return new GroupMapping();
  }

  @Bean
  @ConfigurationProperties("aftercare.directory.ldap")
  MappedLdapPlugin directoryPlugin(GroupMapping mapping) {
    MappedLdapPlugin plugin = new MappedLdapPlugin(mapping);
    // Aftercare's grants decide what a user may do; the directory's group list is not filtered by
    // the reader's own permissions (a user must see their own groups to log in)
    plugin.setAuthorizationCheckEnabled(false);
    return plugin;
  }

  /** Directory group id → Aftercare group id. */
  static class GroupMapping {
    /** The prefix of an unmapped directory group's id in Camunda: no grant names such an id. */
    static final String UNMAPPED = "directory:";

    private Map<String, String> groups = new LinkedHashMap<>();

    public Map<String, String> getGroups() {
      return groups;
    }

    public void setGroups(Map<String, String> groups) {
      this.groups = groups;
    }

    /**
     * The Aftercare group a directory group maps to (its id compared without regard to case, as
     * LDAP compares names), or, unmapped, the directory's id behind {@value #UNMAPPED}: never an
     * id that could carry Aftercare's grants (a directory group called "camunda-admin" grants
     * nothing unless mapped).
     */
    String toAftercare(String directoryId) {
      for (Map.Entry<String, String> mapped : groups.entrySet()) {
        if (mapped.getKey().equalsIgnoreCase(directoryId)) {
          return mapped.getValue();
        }
      }
      return UNMAPPED + directoryId;
    }

    /** The directory groups a group id stands for: the mapped ones, or the unmapped one it names; else none. */
    List<String> toDirectory(String id) {
      if (id.startsWith(UNMAPPED)) {
        return List.of(id.substring(UNMAPPED.length()));
      }
      List<String> directory = new ArrayList<>();
      groups.forEach((from, to) -> {
        if (to.equals(id)) {
          directory.add(from);
        }
      });
      return directory;
    }
  }

  /** Camunda's LDAP plugin, with sessions that translate group ids both ways. */
  static class MappedLdapPlugin extends LdapIdentityProviderPlugin {
    private final GroupMapping mapping;

    MappedLdapPlugin(GroupMapping mapping) {
      this.mapping = mapping;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      super.preInit(configuration);
      LdapIdentityProviderFactory factory = new LdapIdentityProviderFactory() {
        @Override
        public Session openSession() {
          return new MappedSession(getLdapConfiguration(), mapping);
        }
      };
      factory.setLdapConfiguration(this);
      configuration.setIdentityProviderSessionFactory(factory);
    }
  }

  static class MappedSession extends LdapIdentityProviderSession {
    private final GroupMapping mapping;

    MappedSession(LdapConfiguration configuration, GroupMapping mapping) {
      super(configuration);
      this.mapping = mapping;
    }

    @Override
    public Group findGroupById(String groupId) {
      LdapGroupQuery query = new LdapGroupQuery();
      query.groupIdIn(mapping.toDirectory(groupId).toArray(String[]::new));
      List<Group> found = findGroupByQueryCriteria(query);
      return found.isEmpty() ? null : found.get(0);
    }

    @Override
    public List<Group> findGroupByQueryCriteria(LdapGroupQuery query) {
      // several directory groups mapping to one Aftercare group: that group once
      Map<String, Group> unique = new LinkedHashMap<>();
      for (Group group : super.findGroupByQueryCriteria(query)) {
        unique.putIfAbsent(group.getId(), group);
      }
      return new ArrayList<>(unique.values());
    }

    @Override
    protected String getGroupSearchFilter(LdapGroupQuery query) {
      LdapGroupQuery directory = new LdapGroupQuery();
      List<String> ids = new ArrayList<>();
      boolean byId = query.getId() != null || query.getIds() != null;
      if (query.getId() != null) {
        ids.addAll(mapping.toDirectory(query.getId()));
      }
      if (query.getIds() != null) {
        for (String id : query.getIds()) {
          ids.addAll(mapping.toDirectory(id));
        }
      }
      if (byId && ids.isEmpty()) {
        // an Aftercare group no directory group is mapped to: nothing in the directory
        directory.groupId(NO_GROUP);
      } else if (ids.size() == 1) {
        directory.groupId(ids.get(0));
      } else if (!ids.isEmpty()) {
        directory.groupIdIn(ids.toArray(String[]::new));
      }
      if (query.getName() != null) {
        directory.groupName(query.getName());
      }
      if (query.getNameLike() != null) {
        directory.groupNameLike(query.getNameLike());
      }
      if (query.getType() != null) {
        directory.groupType(query.getType());
      }
      if (query.getUserId() != null) {
        directory.groupMember(query.getUserId());
      }
      String filter = super.getGroupSearchFilter(directory);
      LOG.debug("Directory group search: {}", filter);
      return filter;
    }

    /**
     * The members of a group that several directory groups map to (agents in Shanghai and in
     * Paris): the members of each, not only of the first (group e-mails reach them all).
     */
    @Override
    protected List<org.camunda.bpm.engine.identity.User> findUsersByGroupId(
        org.camunda.bpm.identity.impl.ldap.LdapUserQueryImpl query) {
      String group = query.getGroupId();
      List<String> directoryGroups = mapping.toDirectory(group);
      if (directoryGroups.size() <= 1) {
        return directoryGroups.isEmpty() ? List.of() : super.findUsersByGroupId(query);
      }
      Map<String, org.camunda.bpm.engine.identity.User> users = new LinkedHashMap<>();
      try {
        for (String directoryGroup : directoryGroups) {
          query.memberOfGroup(GroupMapping.UNMAPPED + directoryGroup);
          super.findUsersByGroupId(query).forEach(user -> users.putIfAbsent(user.getId(), user));
        }
      } finally {
        query.memberOfGroup(group);
      }
      return new ArrayList<>(users.values());
    }

    @Override
    protected GroupEntity transformGroup(SearchResult result) {
      GroupEntity group = super.transformGroup(result);
      if (group.getId() != null) {
        group.setId(mapping.toAftercare(group.getId()));
      }
      return group;
    }
  }
}
