package io.aftercare.process;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's check of a new row's id, without writing the row out as text first.
 * <p>
 * Camunda checks every entity it inserts for an id ({@code DbEntityManager.validateId}) and
 * builds the message of that check's exception before checking: the whole entity's
 * {@code toString()}, for every history event, variable, job and task it writes. The intake
 * profile (README "Benchmarks") showed that string building as 4.5 % of the request and job
 * threads' time, nearly all of the time spent inserting. Here the check is the same — an id is
 * present and is not the reserved {@code *} — and the message is built only when it fails, by
 * Camunda's own check, so the exception is the one Camunda throws.
 */
@Component
public class InsertIdCheck extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getSessionFactories().put(DbEntityManager.class, new Factory(configuration.getIdGenerator()));
  }

  static final class Factory extends DbEntityManagerFactory {
    Factory(IdGenerator idGenerator) {
      super(idGenerator);
    }

    @Override
    public DbEntityManager openSession() {
      return new Manager(idGenerator, Context.getCommandContext().getSession(PersistenceSession.class));
    }
  }

  static final class Manager extends DbEntityManager {
    Manager(IdGenerator idGenerator, PersistenceSession persistenceSession) {
      super(idGenerator, persistenceSession);
    }

    @Override
    protected void validateId(DbEntity entity) {
      if (!valid(entity.getId())) {
        super.validateId(entity);   // throws Camunda's exception, with its message
      }
    }
  }

  static boolean valid(String id) {
    return id != null && !Authorization.ANY.equals(id);
  }
}
