package liangshan.app.identity;

/** The actor of the current request or command; {@link Actor#ANONYMOUS} when nobody is signed in. */
public interface CurrentActor {

    Actor get();
}
